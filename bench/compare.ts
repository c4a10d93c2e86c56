import { readFileSync } from 'node:fs';
import { formatNumber, type Row } from './stats';

/**
 * Two runs side by side, as BENCHMARKS.md shows them: `node --import tsx bench/compare.ts
 * mock.json real.json` (files written with BENCH_JSON=FILE). Rows pair up by measurement and
 * position within it; each run's companion label reads "companion".
 */
interface Run {
  header: string;
  real: boolean;
  companionLabel: string;
  runs: number;
  rows: Row[];
}

const [mockFile, realFile] = process.argv.slice(2);
if (!mockFile || !realFile) {
  console.error('usage: node --import tsx bench/compare.ts MOCK.json REAL.json');
  process.exit(2);
}
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Run;
const mock = load(mockFile);
const real = load(realFile);

const generic = (run: Run, row: Row): Row => ({ ...row, subject: row.subject.split(run.companionLabel).join('companion') });
const groups = (run: Run) => {
  const byMeasurement = new Map<string, Row[]>();
  for (const row of run.rows.map((r) => generic(run, r))) byMeasurement.set(row.measurement, [...(byMeasurement.get(row.measurement) ?? []), row]);
  return byMeasurement;
};
const mockGroups = groups(mock);
const realGroups = groups(real);
const measurements = [...new Set([...mockGroups.keys(), ...realGroups.keys()])];

const ratio = (row?: Row) => (row?.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`);
const met = (row?: Row) => (row?.met === undefined ? '' : row.met ? 'yes' : 'NO');
const value = (row?: Row) => (row ? formatNumber(row.value) : '');
const header = ['measurement', 'subject', 'unit', 'mock', 'ratio', 'met', 'real Kafka', 'ratio', 'met', 'goal', 'runs'];
const body: string[][] = [];
for (const measurement of measurements) {
  const m = mockGroups.get(measurement) ?? [];
  const r = realGroups.get(measurement) ?? [];
  for (let i = 0; i < Math.max(m.length, r.length); i++) {
    const a = m[i];
    const b = r[i];
    const subject = a && b && a.subject !== b.subject ? `${a.subject} / real: ${b.subject}` : (a ?? b)!.subject;
    const unit = a && b && a.unit !== b.unit ? `${a.unit} / ${b.unit}` : (a ?? b)!.unit;
    const runs = [a?.runs, b?.runs].filter((n) => n !== undefined);
    body.push([measurement, subject, unit, value(a), ratio(a), met(a), value(b), ratio(b), met(b), (a ?? b)!.goal ?? '', [...new Set(runs)].join(' / ')]);
  }
}
const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`mock: ${mock.header}\nreal: ${real.header}\n`);
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n'));
