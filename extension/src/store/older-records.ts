import type { PartitionStart, WireRecord } from '@kafka-inspector/shared';
import { compareDecimal, type Held, recordKey } from './record-buffer';

const order = (a: WireRecord, b: WireRecord) => compareDecimal(a.timestamp, b.timestamp) || a.partition - b.partition || compareDecimal(a.offset, b.offset);

/** The first offset held per partition (records are few enough per frame that a scan is fine). */
export function firstHeld(records: WireRecord[]): Map<number, string> {
  const first = new Map<number, string>();
  for (const record of records) {
    const seen = first.get(record.partition);
    if (seen === undefined || compareDecimal(record.offset, seen) < 0) first.set(record.partition, record.offset);
  }
  return first;
}

export interface OlderRequest {
  partition: number;
  before: string;
}

/**
 * Where "Load older" reads, per partition of the tail: before the first record held, or before
 * where the tail started when nothing of that partition is held. Partitions already at their log
 * start (`low`, from the tail's start or a previous load) are left out: nothing older exists.
 */
export function olderRequests(starts: readonly PartitionStart[], records: WireRecord[], lows: Record<string, string>): OlderRequest[] {
  const first = firstHeld(records);
  return starts
    .map((start) => ({ partition: start.partition, before: first.get(start.partition) ?? start.offset, low: lows[start.partition] ?? start.low }))
    .filter((r) => compareDecimal(r.before, r.low) > 0)
    .map(({ partition, before }) => ({ partition, before }));
}

/**
 * Older records merged into what is held, in timestamp order, duplicates dropped. The buffer's
 * bound still holds: when the older records do not all fit, the newest of them are kept (they
 * join what is held) and `notLoaded` says how many were left out. `next` (the resume point) is
 * untouched: these are behind it.
 */
export function withOlderRecords(held: Held, older: WireRecord[], max: number): Held & { notLoaded: number } {
  const have = new Set(held.records.map(recordKey));
  const fresh = older.filter((r) => !have.has(recordKey(r))).sort(order);
  const room = Math.max(0, max - held.records.length);
  const kept = fresh.slice(Math.max(0, fresh.length - room));
  const records = kept.length ? held.records.concat(kept).sort(order) : held.records;
  return { ...held, records, notLoaded: fresh.length - kept.length };
}
