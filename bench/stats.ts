/** Small statistics and table printing for the benchmark: medians over runs, percentiles, ratios. */

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Row {
  measurement: string;
  subject: string;
  value: number;
  unit: string;
  /** Value divided by the baseline row's, when this row has one. */
  ratio?: number;
  goal?: string;
  /** true: goal met, false: missed, undefined: no goal on this row. */
  met?: boolean;
  runs?: number;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A Markdown table, so the same output reads in a terminal and pastes into BENCHMARKS.md. */
export function renderTable(rows: Row[]): string {
  const header = ['measurement', 'subject', 'median', 'unit', 'ratio', 'goal', 'met', 'runs'];
  const body = rows.map((row) => [
    row.measurement,
    row.subject,
    formatNumber(row.value),
    row.unit,
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
    row.goal ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
    row.runs === undefined ? '' : String(row.runs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
