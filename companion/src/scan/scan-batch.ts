import type { RecordDecoder } from '../codec/record-decoder';
import { FilterError, type RecordPredicate } from '../filter/filter';
import { type EncodedRecord, EncodedRecords } from '../session/encoded-record';
import { filterCpuMs } from '../session/filter-budget';
import type { RawRecord } from '../kafka/gateway';
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
 * Filters decoded records and turns matches into wire records, stopping at the limit. Pure but for
 * the clocks it reads to time the filter: its CPU share per stretch goes back for the budget.
 * Matches not yet emitted stay in `out` (a job's scans share one, so runs go out in order).
 */
export function scanRecords(records: RawRecord[], scanner: Scanner, maxValueBytes: number, remaining: number | null, out: EncodedRecords, emit?: Emit): Omit<ScanResult, 'unreadable' | 'records'> {
  const { predicate, decoder } = scanner;
  const timed = !isConstantPredicate(predicate);
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
    out.push(decoder.toWire(record, maxValueBytes));
    matched++;
    // Handed on as they come: a batch of 30,000 small records is never held whole, here or there.
    if (emit && out.length >= EMIT_RECORDS) emit(out.take());
    if (remaining !== null && matched >= remaining) {
      limitReached = true;
      break;
    }
  }
  settle(performance.now());
  return { scanned, matched, positions, limitReached, stretches, ...(filterError ? { filterError } : {}) };
}

/** Records already decoded (the unit tests' fake readers hold records, not bytes), scanned here whole. */
export function scanDecoded(records: RawRecord[], scanner: Scanner, maxValueBytes: number, remaining: number | null): Omit<ScanResult, 'unreadable'> {
  const out = new EncodedRecords();
  const scan = scanRecords(records, scanner, maxValueBytes, remaining, out);
  return { ...scan, records: out.take() };
}

/**
 * A whole job, one partition at a time: decode (the pure rules of partition-read.ts), let the
 * decoder fetch the schemas those records need, filter, encode. Only one partition's records are
 * alive at once: decoding a whole 4 MiB answer first kept thousands of records alive across young
 * collections, and promoting them cost the worker a third of its time. `out` may be reused job
 * after job (one per worker): it is cleared first.
 */
export async function runScanJob(job: ScanJob, scanner: Scanner, emit?: Emit, out = new EncodedRecords()): Promise<ScanResult> {
  out.clear();
  const total: ScanResult = { records: [], scanned: 0, matched: 0, positions: {}, limitReached: false, stretches: [], unreadable: [] };
  for (const part of job.parts) {
    const read = readPartition(job.topic, part.fetchOffset, part.data, job.caps, scanner.mayMatch ?? undefined);
    total.unreadable.push(...read.unreadable);
    total.scanned += read.passed;
    await scanner.decoder.prepare(read.records);
    const remaining = job.remaining === null ? null : job.remaining - total.matched;
    const scan = scanRecords(read.records, scanner, job.maxValueBytes, remaining, out, emit);
    total.scanned += scan.scanned;
    total.matched += scan.matched;
    Object.assign(total.positions, scan.positions);
    total.stretches.push(...scan.stretches);
    if (scan.filterError) total.filterError = scan.filterError;
    if (scan.limitReached || scan.filterError) {
      total.limitReached = scan.limitReached;
      break;
    }
  }
  total.records = out.take();
  return total;
}
