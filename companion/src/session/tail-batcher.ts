import type { EncodedRecord } from './encoded-record';

export interface BatcherLimits {
  /** A batch this full goes out at once. */
  maxBatchRecords: number;
  /** Otherwise batches go out at most this often. */
  batchIntervalMs: number;
}

/**
 * A stream's outgoing records: gathered into `records` frames that go out when full, or at most
 * every batchIntervalMs, and the first one after a quiet spell at once. Counts what it sent.
 */
export class RecordBatcher {
  private pending: EncodedRecord[] = [];
  private lastFlush = 0;
  private timer: NodeJS.Timeout | null = null;
  private sentCount = 0;

  constructor(
    private readonly limits: BatcherLimits,
    private readonly send: (records: EncodedRecord[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get sent(): number {
    return this.sentCount;
  }

  push(record: EncodedRecord): void {
    this.pending.push(record);
    if (this.pending.length >= this.limits.maxBatchRecords) this.flush();
  }

  /** Sends what is gathered now, or sets a timer for when the interval allows. */
  schedule(): void {
    if (this.pending.length === 0 || this.timer) return;
    const wait = this.lastFlush + this.limits.batchIntervalMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const records = this.pending;
    this.pending = [];
    this.lastFlush = this.now();
    this.sentCount += records.length;
    this.send(records);
  }

  /** Drops the timer (the stream ended); what is still gathered is never sent. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
