/** Kafka's "no limit" for longs (retention.ms, segment.ms, ...): Long.MAX_VALUE. */
const LONG_MAX = '9223372036854775807';

const DURATION_UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];
const BYTE_UNITS: Array<[string, number]> = [
  ['GiB', 1024 ** 3],
  ['MiB', 1024 ** 2],
  ['KiB', 1024],
];

/** 604800000 -> "7 d", 90000 -> "1.5 min", 250 -> "250 ms". */
export function humanDuration(ms: number): string {
  for (const [unit, size] of DURATION_UNITS) if (ms >= size) return `${round(ms / size)} ${unit}`;
  return `${ms} ms`;
}

/** 1073741824 -> "1 GiB", 1048588 -> "1 MiB" (rounded), 100 -> "100 bytes". */
export function humanBytes(bytes: number): string {
  for (const [unit, size] of BYTE_UNITS) if (bytes >= size) return `${round(bytes / size)} ${unit}`;
  return `${bytes} bytes`;
}

const round = (n: number) => String(Number.isInteger(n) ? n : Number(n.toFixed(n < 10 ? 2 : 1)));

/**
 * A topic config's value in human units, judged by the name's suffix as Kafka names them
 * (`*.ms`, `*.bytes`): -1 and Long.MAX_VALUE mean "unlimited". null when the raw value is as good.
 */
export function humanConfigValue(name: string, value: string | null): string | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  const kind = /\.ms$/.test(name) ? 'ms' : /\.bytes$/.test(name) ? 'bytes' : null;
  if (value === LONG_MAX || (kind && value === '-1')) return 'unlimited';
  const n = Number(value);
  if (kind === 'ms') return humanDuration(n);
  if (kind === 'bytes') return humanBytes(n);
  return null;
}
