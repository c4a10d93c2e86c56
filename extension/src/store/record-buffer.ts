import type { WireRecord } from '@kafka-inspector/shared';

export interface Held {
  /** Records in timestamp order (oldest first), ties by partition then offset. */
  records: WireRecord[];
  /** Next offset held per partition: anything below it is a duplicate. */
  next: Record<string, bigint>;
  dropped: number;
}

export const emptyHeld = (): Held => ({ records: [], next: {}, dropped: 0 });

/**
 * Compares two decimal strings as integers. Kafka's are canonical (no sign, no leading zero) but
 * for the -1 of a missing timestamp, so most compare by length, then as text: no BigInt per
 * comparison when sorting thousands of records a frame.
 */
export function compareDecimal(a: string, b: string): number {
  if (a === b) return 0;
  const canonical = (s: string) => s.length === 1 || (s.charCodeAt(0) > 48 && s.charCodeAt(0) <= 57);
  if (canonical(a) && canonical(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const before = (a: WireRecord, b: WireRecord) => {
  const byTime = compareDecimal(a.timestamp, b.timestamp);
  if (byTime !== 0) return byTime < 0;
  if (a.partition !== b.partition) return a.partition < b.partition;
  return compareDecimal(a.offset, b.offset) < 0;
};

/**
 * Adds a batch: drops duplicates by (partition, offset) — a resumed stream may resend what is held —
 * merges the rest in timestamp order, and keeps at most `max` records, counting the oldest dropped.
 * Pure and one copy per batch, so the store does one `set` per frame.
 */
export function appendRecords(held: Held, incoming: WireRecord[], max: number): Held {
  const next = { ...held.next };
  const fresh: WireRecord[] = [];
  for (const record of incoming) {
    const key = String(record.partition);
    const offset = BigInt(record.offset);
    const seen = next[key];
    if (seen !== undefined && offset < seen) continue;
    next[key] = offset + 1n;
    fresh.push(record);
  }
  if (fresh.length === 0) return held.next === next ? held : { ...held, next };
  fresh.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const merged = mergeSorted(held.records, fresh);
  const over = Math.max(0, merged.length - max);
  return { records: over ? merged.slice(over) : merged, next, dropped: held.dropped + over };
}

/** Merges a sorted batch into sorted records; the usual case (all newer) is a plain append. */
function mergeSorted(records: WireRecord[], batch: WireRecord[]): WireRecord[] {
  const last = records[records.length - 1];
  if (!last || !before(batch[0]!, last)) return records.concat(batch);
  // Binary search for the first held record the batch's oldest goes before.
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(batch[0]!, records[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  const out = records.slice(0, lo);
  let i = lo;
  let j = 0;
  while (i < records.length && j < batch.length) out.push(before(batch[j]!, records[i]!) ? batch[j++]! : records[i++]!);
  while (i < records.length) out.push(records[i++]!);
  while (j < batch.length) out.push(batch[j++]!);
  return out;
}

export const recordKey = (record: Pick<WireRecord, 'partition' | 'offset'>) => `${record.partition}:${record.offset}`;
