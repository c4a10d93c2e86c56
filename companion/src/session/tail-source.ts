import type { WireError } from '@kafka-inspector/shared';
import type { RecordDecoder } from '../codec/record-decoder';
import type { RecordPredicate } from '../filter/filter';
import type { RawBatch, RawFetch, TailReader } from '../kafka/gateway';
import { scanDecoded } from '../scan/scan-batch';
import type { ScanResult } from '../scan/scan-job';
import type { EncodedRecord } from './encoded-record';
import { scanFailed, type TailScan } from './tail-scan';

/** How batches of decoded records (the unit tests' fake readers hold records, not bytes) are scanned on this thread. */
export interface InThreadScan {
  predicate: RecordPredicate;
  decoder: RecordDecoder;
}

const NOTHING: ScanResult = { records: [], scanned: 0, matched: 0, positions: {}, limitReached: false, stretches: [], unreadable: [] };

/**
 * Where a tail's matches come from: the reader's batches, scanned in a scan worker when the reader
 * hands over raw bytes (with the next Fetch on its way while the worker scans the last), else on
 * this thread with the same code (scan-batch.ts). It knows nothing of the stream's state or client.
 */
export class TailSource {
  /** A Fetch started ahead while the worker scanned (see fetchAhead). */
  private ahead: { answer: Promise<RawFetch>; signal: AbortSignal } | null = null;

  constructor(
    private readonly reader: TailReader,
    /** Null: the reader has no raw bytes to hand over, and batches are scanned here. */
    private readonly worker: TailScan | null,
    private readonly inThread: InThreadScan,
  ) {}

  /** The next batch: the Fetch started ahead when it was started under this same signal, else a new one. */
  next(signal: AbortSignal): Promise<RawBatch | RawFetch> {
    if (!this.worker) return this.reader.fetch(signal);
    const ahead = this.ahead;
    this.ahead = null;
    return ahead && ahead.signal === signal ? ahead.answer : this.reader.fetchRaw!(signal);
  }

  /**
   * Starts the Fetch after `batch` now, so its broker round trip overlaps the worker's scan of
   * `batch` (one answer ahead at most); not after an empty answer or the end. An interruption
   * (pause, seek, stop) aborts its signal, and `next` under a new signal drops it.
   */
  fetchAhead(batch: RawBatch | RawFetch, signal: AbortSignal): void {
    if (!this.worker || !('parts' in batch) || batch.caughtUp || !batch.parts.some((part) => part.data.records.length > 0)) return;
    const answer = this.reader.fetchRaw!(signal);
    answer.catch(() => {});
    this.ahead = { answer, signal };
  }

  /**
   * A batch's records filtered and encoded. From a worker, matches go to `onRecords` as it sends
   * them and the result holds only the rest: neither thread ever holds a whole answer's worth.
   * Rejects when the worker failed or ran past its deadline (`errorOf` says how to end the stream).
   */
  async scan(batch: RawBatch | RawFetch, maxValueBytes: number, remaining: number | null, onRecords: (records: EncodedRecord[]) => void): Promise<ScanResult> {
    if (!('parts' in batch)) {
      await this.inThread.decoder.prepare(batch.records);
      const here = scanDecoded(batch.records, { ...this.inThread, mayMatch: null }, maxValueBytes, remaining);
      return { ...here, unreadable: batch.unreadable ?? [] };
    }
    if (batch.parts.length === 0) return { ...NOTHING };
    return this.worker!.scan(batch.parts, maxValueBytes, remaining, onRecords);
  }

  /** How a failed scan ends the stream (see TailScan.errorOf). */
  errorOf(error: unknown): WireError {
    return this.worker ? this.worker.errorOf(error) : scanFailed(error);
  }

  close(): void {
    this.worker?.close();
  }
}
