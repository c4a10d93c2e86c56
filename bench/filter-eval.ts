import { filterEnvironment } from '../companion/src/filter/cel-environment';
import { compileFilter } from '../companion/src/filter/filter';
import type { RawRecord } from '../companion/src/kafka/gateway';
import { median, renderTable, type Row } from './stats';

/**
 * Filter evaluation cost per record, in-process, no broker (a micro-row: the broker's and the
 * socket's costs are in the throughput rows): 1 KB JSON records that do not match
 * (the common case of a search: almost every record is scanned and dropped). Each new path beside
 * the one it replaced, measured in the same run:
 * - text: the raw bytes searched first (now) vs every part decoded as UTF-8 and searched with a
 *   case-insensitive regex (before);
 * - CEL: only the variables the expression reads computed (now) vs the whole context built, the
 *   value's JSON parsed, for every record (before).
 */
const RECORDS = 5_000;

function records(): RawRecord[] {
  return Array.from({ length: RECORDS }, (_, i) => {
    const id = (i * 2654435761).toString(16).padStart(8, '0');
    const value = {
      id: `order-${id}`,
      customer: `Customer-${i % 997}`,
      currency: 'EUR',
      items: Array.from({ length: 9 }, (_, n) => ({ sku: `SKU-${n}`, qty: n + 1, price: 12.5 * n, description: 'a fine product, described at some length' })),
    };
    return {
      topic: 'orders',
      partition: i % 6,
      offset: String(i),
      timestamp: String(1_700_000_000_000 + i),
      key: Buffer.from(`order-${id}`),
      value: Buffer.from(JSON.stringify(value)),
      headers: [{ key: 'source', value: Buffer.from('web') }, { key: 'trace-id', value: Buffer.from(id) }],
    };
  });
}

/** The text filter as it was: decode key, header values and value, test a literal `iu` regex. */
function decodedText(text: string): (record: RawRecord) => boolean {
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
  const contains = (haystack: string | null) => haystack !== null && pattern.test(haystack);
  return (record) => {
    for (const header of record.headers) if (contains(header.key)) return true;
    if (contains(record.key?.toString('utf8') ?? null)) return true;
    for (const header of record.headers) if (contains(header.value?.toString('utf8') ?? null)) return true;
    return contains(record.value?.toString('utf8') ?? null);
  };
}

/** CEL as it was: every variable computed and the value's JSON parsed for every record. */
function eagerCel(expression: string): (record: RawRecord) => boolean {
  const evaluate = filterEnvironment.parse(expression);
  if (!evaluate.check().valid) throw new Error(`bench: ${expression} does not check`);
  return (record) => {
    const text = record.value?.toString('utf8') ?? null;
    let value: unknown = text;
    try {
      value = JSON.parse(text ?? '');
    } catch {
      // The text stands.
    }
    const headers = new Map(record.headers.map((h) => [h.key, h.value?.toString('utf8') ?? '']));
    const context = { key: record.key?.toString('utf8') ?? null, value, headers, partition: BigInt(record.partition), offset: BigInt(record.offset), timestamp: BigInt(record.timestamp), topic: record.topic };
    try {
      return evaluate(context) === true;
    } catch {
      return false;
    }
  };
}

/**
 * Median ns per record of each side, over `runs` passes taken in turns (before, now, before...) so
 * a busy machine weighs on both alike; one warm-up pass each first. Throws if they disagree.
 */
function nsPerRecord(sides: Array<(record: RawRecord) => boolean>, data: RawRecord[], runs: number): Array<{ ns: number; matched: number }> {
  const matched = sides.map((predicate) => data.filter((record) => predicate(record)).length);
  const samples: number[][] = sides.map(() => []);
  for (let run = 0; run < runs; run++) {
    sides.forEach((predicate, side) => {
      const started = process.hrtime.bigint();
      for (const record of data) predicate(record);
      samples[side]!.push(Number(process.hrtime.bigint() - started) / data.length);
    });
  }
  return sides.map((_, side) => ({ ns: median(samples[side]!), matched: matched[side]! }));
}

const CASES: Array<{ measurement: string; before: [string, (r: RawRecord) => boolean]; now: [string, (r: RawRecord) => boolean] }> = [
  {
    measurement: 'filter eval, text "7f3a9b" (1 KB JSON, no match)',
    before: ['decoded UTF-8 + iu regex (before)', decodedText('7f3a9b')],
    now: ['raw bytes first (now)', compileFilter({ text: '7f3a9b' })],
  },
  {
    measurement: 'filter eval, text "described at LENGTH!" (1 KB JSON, no match)',
    before: ['decoded UTF-8 + iu regex (before)', decodedText('described at LENGTH!')],
    now: ['raw bytes first (now)', compileFilter({ text: 'described at LENGTH!' })],
  },
  {
    measurement: "filter eval, CEL key.startsWith('order-7f3a') (1 KB JSON)",
    before: ['eager context, JSON parsed (before)', eagerCel("key.startsWith('order-7f3a')")],
    now: ['lazy: value never parsed (now)', compileFilter({ cel: "key.startsWith('order-7f3a')" })],
  },
  {
    measurement: "filter eval, CEL value.customer == 'Customer-7f3a' (1 KB JSON)",
    before: ['eager context (before)', eagerCel("value.customer == 'Customer-7f3a'")],
    now: ['lazy: value parsed, nothing else (now)', compileFilter({ cel: "value.customer == 'Customer-7f3a'" })],
  },
];

export async function measureFilterEval(runs: number): Promise<Row[]> {
  const data = records();
  const passes = Math.max(runs, 9);
  const rows: Row[] = [];
  for (const { measurement, before, now } of CASES) {
    const [old, fresh] = nsPerRecord([before[1], now[1]], data, passes) as [{ ns: number; matched: number }, { ns: number; matched: number }];
    if (old.matched !== fresh.matched) throw new Error(`bench: ${measurement}: before matched ${old.matched}, now ${fresh.matched}`);
    rows.push({ measurement, subject: before[0], value: old.ns, unit: 'ns/record', runs: passes });
    rows.push({ measurement, subject: now[0], value: fresh.ns, unit: 'ns/record', ratio: fresh.ns / old.ns, runs: passes });
  }
  return rows;
}

// `node --import tsx bench/filter-eval.ts`: this table alone, no broker needed.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(renderTable(await measureFilterEval(Number(process.env.BENCH_RUNS ?? 5))));
}
