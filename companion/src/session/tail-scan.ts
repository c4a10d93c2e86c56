import type { TailFilter, WireError } from '@kafka-inspector/shared';
import type { RecordDecoderSettings } from '../codec/record-decoder';
import { DEFAULT_RECORD_CAPS, type RawPart, type RecordCaps } from '../kafka/gateway';
import type { ScanResult } from '../scan/scan-job';
import { ScanFailure, type ScanPool, scanPool } from '../scan/scan-pool';

/** What a stream needs to scan in a worker: plain settings, compiled there. */
export interface TailScanSettings {
  filter: TailFilter | undefined;
  decoderSettings?: RecordDecoderSettings;
  /** Default: the companion's shared pool. */
  pool?: ScanPool;
  caps?: RecordCaps;
  /** Longest one batch may take in the worker before the worker is ended (default SCAN_DEADLINE_MS). */
  deadlineMs?: number;
}

/**
 * Past this, a batch's decode and filter are stopped by ending their worker. The filter's own
 * budget (FilterBudget, fed from the worker's stretches) ends a slow filter long before; this is
 * for a call that never returns.
 */
export const SCAN_DEADLINE_MS = 10_000;

const hasFilter = (filter: TailFilter | undefined) => Boolean(filter?.text || filter?.cel?.trim());

/** A scan that failed for another reason than its deadline (a worker that crashed, a decoder bug). */
export const scanFailed = (error: unknown): WireError => ({ code: 'INTERNAL', message: `decoding records failed: ${error instanceof Error ? error.message : String(error)}` });

/** Stream ids are per socket ("s1" on every socket): the workers key compiled filters by this instead. */
let scans = 0;

/** Drives one stream's scans in the pool: decode, filter and encode off the event loop. */
export class TailScan {
  private readonly pool: ScanPool;
  private readonly key: string;

  constructor(
    streamId: string,
    private readonly topic: string,
    private readonly settings: TailScanSettings,
  ) {
    this.pool = settings.pool ?? scanPool();
    this.key = `${++scans}:${streamId}`;
  }

  /** Scans in the pool; `onRecords` gets the matches as the worker sends them (see ScanPool.run). */
  scan(parts: RawPart[], maxValueBytes: number, remaining: number | null, onRecords?: (records: ScanResult['records']) => void): Promise<ScanResult> {
    const job = {
      streamId: this.key,
      topic: this.topic,
      filter: this.settings.filter,
      decoderSettings: this.settings.decoderSettings,
      caps: this.settings.caps ?? DEFAULT_RECORD_CAPS,
      maxValueBytes,
      remaining,
      parts,
    };
    return this.pool.run(job, this.settings.deadlineMs ?? SCAN_DEADLINE_MS, onRecords);
  }

  /** How a failed scan ends the stream: a filter past its budget is INVALID_FILTER, anything else says what stopped. */
  errorOf(error: unknown): WireError {
    const filtered = hasFilter(this.settings.filter);
    if (error instanceof ScanFailure && error.reason === 'deadline') {
      return filtered
        ? { code: 'INVALID_FILTER', message: `the filter ran past its budget: ${error.message}; simplify it` }
        : { code: 'INTERNAL', message: `decoding records stopped: ${error.message}` };
    }
    return scanFailed(error);
  }

  close(): void {
    this.pool.forget(this.key);
  }
}
