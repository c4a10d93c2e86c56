import type { RecordDecoder } from '../codec/record-decoder';
import { FilterError, type RecordPredicate } from '../filter/filter';
import { type EncodedRecord, encodeRecord } from '../session/encoded-record';
import { filterCpuMs } from '../session/filter-budget';
import type { RawRecord, UnreadableRange } from '../kafka/gateway';
import { readPartition } from '../kafka/partition-read';
import type { FilterStretch, ScanJob, ScanResult } from './scan-job';

/** Filter time is charged to the budget in stretches of about this much wall time. */
const STRETCH_MS = 20;

/**
 * A predicate that declares no record parameter cannot look at the record: it is the match-all of
 * a tail without a filter (compileFilter's `() => true`). Its time is never the filter's fault.
 */
export const isConstantPredicate = (predicate: RecordPredicate): boolean => predicate.length === 0;

/** Takes matches ahead of the scan's result, in order; the result then holds only the rest. */
export type Emit = (records: EncodedRecord[]) => void;

/**
 * Matches go out in runs of this many records: each run is one message from a worker, deserialized
 * on the main thread in one go, so thousands in one message would hold its event loop.
 */
const EMIT_RECORDS = 500;

export interface Scanner {
  predicate: RecordPredicate;
  decoder: RecordDecoder;
  /** Rules out whole batches by their bytes before any record is built (batch-prefilter.ts); null: none. */
  mayMatch: ((batch: Buffer) => boolean) | null;
}

/**
 * Decodes a job's partitions (the pure rules of partition-read.ts). `passed` counts the records of
 * batches `mayMatch` ruled out: scanned, never built.
 */
export function decodeJob(job: ScanJob, mayMatch: Scanner['mayMatch'] = null): { records: RawRecord[]; unreadable: UnreadableRange[]; passed: number } {
  const records: RawRecord[] = [];
  const unreadable: UnreadableRange[] = [];
  let passed = 0;
  for (const part of job.parts) {
    const read = readPartition(job.topic, part.fetchOffset, part.data, job.caps, mayMatch ?? undefined);
    for (const record of read.records) records.push(record);
    unreadable.push(...read.unreadable);
    passed += read.passed;
  }
  return { records, unreadable, passed };
}

/**
 * Filters decoded records and turns matches into wire records, stopping at the limit. Pure but for
 * the clocks it reads to time the filter: its CPU share per stretch goes back for the budget.
 */
export function scanRecords(records: RawRecord[], scanner: Scanner, maxValueBytes: number, remaining: number | null, emit?: Emit): Omit<ScanResult, 'unreadable'> {
  const { predicate, decoder } = scanner;
  const timed = !isConstantPredicate(predicate);
  const out: EncodedRecord[] = [];
  const positions: Record<string, string> = {};
  const stretches: FilterStretch[] = [];
  let scanned = 0;
  let filterWall = 0;
  let filtered = 0;
  let stretchStart = performance.now();
  let stretchCpu = timed ? process.cpuUsage() : null;
  const settle = (now: number) => {
    if (stretchCpu && filtered > 0) {
      const cpu = process.cpuUsage(stretchCpu);
      stretches.push({ records: filtered, cpuMs: filterCpuMs(filterWall, now - stretchStart, (cpu.user + cpu.system) / 1000) });
    }
    filterWall = 0;
    filtered = 0;
    stretchStart = now;
    if (timed) stretchCpu = process.cpuUsage();
  };
  let filterError: string | undefined;
  let limitReached = false;
  let matched = 0;
  for (const record of records) {
    scanned++;
    positions[record.partition] = (BigInt(record.offset) + 1n).toString();
    let matches = false;
    const started = timed ? performance.now() : 0;
    try {
      matches = predicate(record);
    } catch (error) {
      // Over its cost limit on this record: it would silently miss every record like it, so it ends.
      if (error instanceof FilterError) {
        filterError = error.message;
        break;
      }
      // Any other failure on one record (a CEL runtime error) does not match it; the stream goes on.
    }
    if (timed) {
      const now = performance.now();
      filterWall += now - started;
      filtered++;
      if (now - stretchStart > STRETCH_MS) settle(now);
    }
    if (!matches) continue;
    out.push(encodeRecord(decoder.toWire(record, maxValueBytes)));
    matched++;
    // Handed on as they come: a batch of 30,000 small records is never held whole, here or there.
    if (emit && out.length >= EMIT_RECORDS) emit(out.splice(0));
    if (remaining !== null && matched >= remaining) {
      limitReached = true;
      break;
    }
  }
  settle(performance.now());
  return { records: out, scanned, matched, positions, limitReached, stretches, ...(filterError ? { filterError } : {}) };
}

/** A whole job: decode, let the decoder fetch the schemas the batch needs, filter, encode. */
export async function runScanJob(job: ScanJob, scanner: Scanner, emit?: Emit): Promise<ScanResult> {
  const { records, unreadable, passed } = decodeJob(job, scanner.mayMatch);
  await scanner.decoder.prepare(records);
  const scan = scanRecords(records, scanner, job.maxValueBytes, job.remaining, emit);
  return { ...scan, scanned: scan.scanned + passed, unreadable };
}
