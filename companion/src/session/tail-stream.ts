import type { PartitionStart, ServerMessage, StartPosition, TailStatus, WireError } from '@kafka-inspector/shared';
import { createRecordDecoder, type RecordDecoder } from '../codec/record-decoder';
import type { Limits } from '../config/types';
import type { RecordPredicate } from '../filter/filter';
import type { RawBatch, RawFetch, SkippedRange, TailReader, UnreadableRange } from '../kafka/gateway';
import type { ScanResult } from '../scan/scan-job';
import type { EncodedRecord } from './encoded-record';
import { FilterBudget } from './filter-budget';
import { skippedMessage, unreadableMessage } from './tail-notices';
import { TailScan, type TailScanSettings } from './tail-scan';
import { TailSource } from './tail-source';
import { TailStats } from './tail-stats';
import { RecordBatcher } from './tail-batcher';
import { retryDelay, sleep } from './tail-waits';
import { toWireError } from './wire-error';

/** Where a stream's frames go, and how much of them is still waiting in the socket. */
export interface StreamSink {
  send(frame: ServerMessage): void;
  /** A `records` frame, its records already JSON (encoded-record.ts). */
  sendRecords(streamId: string, records: EncodedRecord[]): void;
  bufferedAmount(): number;
}

export interface TailStreamOptions {
  id: string;
  reader: TailReader;
  predicate: RecordPredicate;
  limit?: number;
  limits: Limits;
  sink: StreamSink;
  statsIntervalMs?: number;
  /** Turns records into wire records (schemas, plain encodings); default: plain text, JSON or base64. */
  decoder?: RecordDecoder;
  /** Called once when the stream has ended, for whatever reason. */
  onEnded?: () => void;
  /**
   * Decode, filter and encode in a scan worker (when the reader can hand over raw bytes), built
   * there from these plain settings; `predicate` and `decoder` are then unused. Without it the
   * stream scans on this thread (the unit tests' fake readers).
   */
  scan?: TailScanSettings;
}

/**
 * One tail: pulls from the reader only while the client keeps up. Paused and throttled both mean
 * "not pulling", so memory stays bounded and no record is dropped: the broker keeps them.
 */
export class TailStream {
  readonly id: string;
  private status: TailStatus | null = null;
  private paused = false;
  private ended = false;
  private caughtUp = false;
  private readonly batcher: RecordBatcher;
  private statsTimer: NodeJS.Timeout | null = null;
  private readonly stats: TailStats;
  /** Aborts the fetch or wait in progress: pause, seek and stop interrupt it. */
  private wake = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  private readonly budget = new FilterBudget();
  private readonly source: TailSource;

  constructor(private readonly options: TailStreamOptions) {
    this.id = options.id;
    this.batcher = new RecordBatcher(options.limits, (records) => options.sink.sendRecords(this.id, records));
    const worker = options.scan && options.reader.fetchRaw ? new TailScan(options.id, options.reader.topic, options.scan) : null;
    this.source = new TailSource(options.reader, worker, { predicate: options.predicate, decoder: options.decoder ?? createRecordDecoder(undefined, options.reader.topic) });
    this.stats = new TailStats(options.reader.positions(), options.reader.starts);
  }

  start(): void {
    this.setStatus('live');
    this.statsTimer = setInterval(() => this.sendStats(false), this.options.statsIntervalMs ?? 500);
    this.loop = this.run();
  }

  pause(): void {
    if (this.ended || this.paused) return;
    this.paused = true;
    this.interrupt();
    this.flush();
    this.setStatus('paused');
  }

  resume(): void {
    if (this.ended || !this.paused) return;
    this.paused = false;
    this.setStatus('live');
    this.interrupt();
  }

  async seek(start: StartPosition): Promise<PartitionStart[]> {
    this.interrupt();
    this.flush();
    const starts = await this.options.reader.seek(start);
    this.stats.resetPositions(this.options.reader.positions());
    this.caughtUp = false;
    return starts;
  }

  /**
   * Ends the stream: the client asked, or the limit was reached. Sends final stats and `ended` at
   * once; the reader's connections close in the background (KafkaJS lets a Fetch parked at the
   * broker finish first, up to the fetch max wait), and no frame of this stream follows. Resolves
   * as soon as `ended` is sent, so a tailStop reply never waits for Kafka.
   */
  async stop(message = 'stopped'): Promise<void> {
    if (this.ended) return;
    this.status = 'ended';
    this.flush();
    this.sendStats(true);
    this.options.sink.send({ type: 'status', streamId: this.id, status: 'ended', message });
    this.close().catch(() => {});
  }

  /** Ends without a word: the socket is gone. Resolves when the reader's connections are closed. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.options.onEnded?.();
    this.interrupt();
    this.batcher.dispose();
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.source.close();
    await this.loop.catch(() => {});
    await this.options.reader.close();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  private interrupt() {
    this.wake.abort();
    this.wake = new AbortController();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.ended) {
      const signal = this.wake.signal;
      if (this.paused) {
        await sleep(60_000, signal);
        continue;
      }
      if (this.options.sink.bufferedAmount() > this.options.limits.highWaterBytes) {
        // The client reads slower than Kafka delivers: stop pulling until the socket drains.
        this.setStatus('throttled');
        await sleep(20, signal);
        continue;
      }
      if (this.status === 'throttled') this.setStatus(this.caughtUp ? 'caught-up' : 'live');
      try {
        const batch = await this.source.next(signal);
        // The positions this batch leads to, before a Fetch ahead moves the reader on.
        const reached = this.options.reader.positions();
        if (this.options.sink.bufferedAmount() <= this.options.limits.highWaterBytes) this.source.fetchAhead(batch, signal);
        if (failures > 0) this.setStatus(this.caughtUp ? 'caught-up' : 'live');
        failures = 0;
        this.stats.sawHighWatermarks(batch.highWatermarks);
        if (batch.skipped.length) this.reportSkipped(batch.skipped);
        const result = await this.scan(batch);
        // False when the stream ended inside the batch: no frame of it may follow `ended`.
        if (!result || !(await this.take(result))) continue;
        this.stats.reached(reached);
        if (batch.caughtUp && !this.caughtUp) {
          this.caughtUp = true;
          this.flush();
          this.setStatus('caught-up');
        }
      } catch (error) {
        if (signal.aborted || this.ended) continue;
        const wire = toWireError(error);
        if (wire.code === 'NOT_FOUND') {
          this.fail(wire);
          return;
        }
        failures++;
        this.setStatus('error', wire, `retrying in ${retryDelay(failures)} ms`);
        await sleep(retryDelay(failures), signal);
      }
    }
  }

  /** A batch scanned (tail-source.ts); null when the stream ended inside the scan (a worker that failed or ran too long). */
  private async scan(batch: RawBatch | RawFetch): Promise<ScanResult | null> {
    const { limit, limits } = this.options;
    const remaining = limit === undefined ? null : limit - this.stats.matched;
    const queue = (records: EncodedRecord[]) => {
      if (!this.ended) for (const record of records) this.batcher.push(record);
    };
    try {
      return await this.source.scan(batch, limits.maxValuePreviewBytes, remaining, queue);
    } catch (error) {
      if (!this.ended) this.fail(this.source.errorOf(error));
      return null;
    }
  }

  /**
   * Queues a scan's matches and charges its filter time; false when the stream ended inside the
   * batch (limit reached, or a filter over its budget or its cost limit).
   */
  private async take(result: ScanResult): Promise<boolean> {
    const { limit, limits } = this.options;
    if (this.ended) return false;
    if (result.unreadable.length) this.reportUnreadable(result.unreadable);
    this.stats.add(result);
    for (let i = 0; i < result.records.length; i++) {
      this.batcher.push(result.records[i]!);
      // A batch of thousands of matches goes out frame by frame, other sockets served in between.
      if ((i + 1) % limits.maxBatchRecords === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.ended) return false;
      }
    }
    if (result.filterError) {
      // Over its cost limit on a record: it would silently miss every record like it, so it ends.
      this.fail({ code: 'INVALID_FILTER', message: result.filterError });
      return false;
    }
    for (const stretch of result.stretches) {
      const verdict = this.budget.add(stretch.records, stretch.cpuMs);
      if (verdict) {
        this.fail({ code: 'INVALID_FILTER', message: verdict });
        return false;
      }
    }
    if (result.limitReached || (limit !== undefined && this.stats.matched >= limit)) {
      void this.stop(`limit of ${limit} records reached`);
      return false;
    }
    this.scheduleFlush();
    return true;
  }

  private scheduleFlush() {
    this.batcher.schedule();
  }

  private flush() {
    this.batcher.flush();
  }

  private fail(error: WireError) {
    this.flush();
    this.setStatus('error', error);
    void this.stop(error.message);
  }

  /** Retention removed records before this stream read them: say which, never skip in silence. */
  private reportSkipped(skipped: SkippedRange[]) {
    this.flush();
    this.options.sink.send({ type: 'status', streamId: this.id, status: this.status ?? 'live', message: skippedMessage(skipped), skipped });
  }

  /** Batches the companion cannot decode (a codec it lacks): say which offsets were stepped over. */
  private reportUnreadable(unreadable: UnreadableRange[]) {
    this.flush();
    this.options.sink.send({ type: 'status', streamId: this.id, status: this.status ?? 'live', message: unreadableMessage(unreadable) });
  }

  private setStatus(status: TailStatus, error?: WireError, message?: string) {
    if (this.status === status && !error) return;
    this.status = status;
    this.options.sink.send({ type: 'status', streamId: this.id, status, ...(message ? { message } : {}), ...(error ? { error } : {}) });
    this.sendStats(true);
  }

  /** Stats go out with every status (`force`), and from the timer only when they changed. */
  private sendStats(force: boolean) {
    const stats = this.stats.frame(this.batcher.sent, force);
    if (stats) this.options.sink.send({ type: 'stats', streamId: this.id, ...stats });
  }
}
