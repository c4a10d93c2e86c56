import type { PartitionStart, ServerMessage, StartPosition, TailStatus, WireError } from '@kafka-inspector/shared';
import { createRecordDecoder, type RecordDecoder } from '../codec/record-decoder';
import type { Limits } from '../config/types';
import { FilterError, type RecordPredicate } from '../filter/filter';
import type { RawFetch, RawPart, RawRecord, SkippedRange, TailReader, UnreadableRange } from '../kafka/gateway';
import type { ScanResult } from '../scan/scan-job';
import { type EncodedRecord, encodeRecord } from './encoded-record';
import { FilterBudget, filterCpuMs } from './filter-budget';
import { TailScan, type TailScanSettings } from './tail-scan';
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

/** Filtering runs in stretches of about this much wall time, then yields to other streams. */
const SLICE_MS = 20;

/**
 * A predicate that declares no record parameter cannot look at the record: it is the match-all of
 * a tail without a filter (compileFilter's `() => true`). Its time is never the filter's fault.
 */
export const isConstantPredicate = (predicate: RecordPredicate): boolean => predicate.length === 0;

/** The words of a `skipped` status: which offsets were gone before the stream read them. */
export function skippedMessage(skipped: SkippedRange[]): string {
  const ranges = skipped.map((r) => `partition ${r.partition} offsets ${r.from}-${BigInt(r.to) - 1n}`).join(', ');
  return `deleted by retention before they were read: ${ranges}; going on from the oldest kept record`;
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
  private scanned = 0;
  private matched = 0;
  private readonly batcher: RecordBatcher;
  private statsTimer: NodeJS.Timeout | null = null;
  /** The last stats sent, as JSON: the timer sends only when they differ (an idle stream is quiet). */
  private lastStats = '';
  private positions = new Map<number, string>();
  private highWatermarks = new Map<number, string>();
  /** Aborts the fetch or wait in progress: pause, seek and stop interrupt it. */
  private wake = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  private readonly budget = new FilterBudget();
  private readonly decoder: RecordDecoder;
  private readonly scanner: TailScan | null;
  /** A Fetch started ahead while the worker scanned (see prefetch). */
  private ahead: { answer: Promise<RawFetch>; signal: AbortSignal } | null = null;

  constructor(private readonly options: TailStreamOptions) {
    this.id = options.id;
    this.batcher = new RecordBatcher(options.limits, (records) => options.sink.sendRecords(this.id, records));
    this.scanner = options.scan && options.reader.fetchRaw ? new TailScan(options.id, options.reader.topic, options.scan) : null;
    this.decoder = options.decoder ?? createRecordDecoder(undefined, options.reader.topic);
    this.positions = options.reader.positions();
    for (const start of options.reader.starts) this.highWatermarks.set(start.partition, start.high);
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
    this.positions = this.options.reader.positions();
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
    this.scanner?.close();
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
        const batch = this.scanner ? await this.fetchRaw(signal) : await this.options.reader.fetch(signal);
        // The positions this batch leads to, before a prefetch moves the reader on.
        const reached = this.options.reader.positions();
        if ('parts' in batch && batch.parts.some((part) => part.data.records.length > 0) && !batch.caughtUp) this.prefetch(signal);
        if (failures > 0) this.setStatus(this.caughtUp ? 'caught-up' : 'live');
        failures = 0;
        for (const [partition, high] of batch.highWatermarks) this.highWatermarks.set(partition, high);
        if (batch.skipped.length) this.reportSkipped(batch.skipped);
        if ('records' in batch && batch.unreadable?.length) this.reportUnreadable(batch.unreadable);
        // False when the stream ended inside the batch: no frame of it may follow `ended`.
        if (!('parts' in batch ? await this.takeScanned(batch.parts) : await this.take(batch.records))) continue;
        for (const [partition, next] of reached) this.positions.set(partition, next);
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

  /**
   * Filters and queues fetched records; false when the stream ended inside the batch (limit reached,
   * or a filter too slow to run). Yields to other streams every ~20 ms of filtering.
   */
  private async take(records: RawRecord[]): Promise<boolean> {
    const { limit, predicate, limits } = this.options;
    // Schemas the batch needs are fetched once per batch (cached by id); a registry down never throws.
    await this.decoder.prepare(records);
    // An unfiltered tail is never timed: nothing of it can be too slow.
    const timed = !isConstantPredicate(predicate);
    // One stretch: wall time in the filter, records filtered, and the process's CPU since it began.
    let slice = performance.now();
    let sliceCpu = timed ? process.cpuUsage() : null;
    let filterWall = 0;
    let filtered = 0;
    /** Charges the stretch's filter CPU to the budget; false when that ended the stream. */
    const settle = (now: number): boolean => {
      if (!sliceCpu || filtered === 0) return true;
      const cpu = process.cpuUsage(sliceCpu);
      const verdict = this.budget.add(filtered, filterCpuMs(filterWall, now - slice, (cpu.user + cpu.system) / 1000));
      filterWall = 0;
      filtered = 0;
      if (!verdict) return true;
      // CEL cannot be interrupted mid-record; a filter this slow would starve every other stream.
      this.fail({ code: 'INVALID_FILTER', message: verdict });
      return false;
    };
    for (const record of records) {
      if (this.ended) return false;
      this.scanned++;
      this.positions.set(record.partition, (BigInt(record.offset) + 1n).toString());
      let matches = false;
      const started = timed ? performance.now() : 0;
      try {
        matches = predicate(record);
      } catch (error) {
        // Over its cost limit on this record: it would silently miss every record like it, so it ends.
        if (error instanceof FilterError) {
          this.fail({ code: 'INVALID_FILTER', message: error.message });
          return false;
        }
        // Any other failure on one record (a CEL runtime error) does not match it; the stream goes on.
      }
      const now = performance.now();
      if (timed) {
        filterWall += now - started;
        filtered++;
      }
      if (now - slice > SLICE_MS) {
        if (!settle(now)) return false;
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
        if (timed) sliceCpu = process.cpuUsage();
      }
      if (!matches) continue;
      this.matched++;
      this.batcher.push(encodeRecord(this.decoder.toWire(record, limits.maxValuePreviewBytes)));
      if (limit !== undefined && this.matched >= limit) {
        void this.stop(`limit of ${limit} records reached`);
        return false;
      }
    }
    if (!settle(performance.now())) return false;
    this.scheduleFlush();
    return true;
  }

  /**
   * The next Fetch, started while a worker scans the last one, so the broker round trip and the scan
   * overlap (one answer ahead at most). Dropped when the stream was interrupted (pause, seek, stop)
   * since it started: its signal aborted it, and its positions are the reader's to forget.
   */
  private prefetch(signal: AbortSignal) {
    if (this.options.sink.bufferedAmount() > this.options.limits.highWaterBytes) return;
    const answer = this.options.reader.fetchRaw!(signal);
    answer.catch(() => {});
    this.ahead = { answer, signal };
  }

  private fetchRaw(signal: AbortSignal): Promise<RawFetch> {
    const ahead = this.ahead;
    this.ahead = null;
    return ahead && ahead.signal === signal ? ahead.answer : this.options.reader.fetchRaw!(signal);
  }

  /**
   * Queues what a scan worker made of fetched bytes; false when the stream ended inside the batch
   * (limit reached, a filter over its budget, or a scan that failed).
   */
  private async takeScanned(parts: RawPart[]): Promise<boolean> {
    if (parts.length === 0) return true;
    const { limit, limits } = this.options;
    let result: ScanResult;
    try {
      result = await this.scanner!.scan(parts, limits.maxValuePreviewBytes, limit === undefined ? null : limit - this.matched);
    } catch (error) {
      if (!this.ended) this.fail(this.scanner!.errorOf(error));
      return false;
    }
    if (this.ended) return false;
    if (result.unreadable.length) this.reportUnreadable(result.unreadable);
    this.scanned += result.scanned;
    this.matched += result.matched;
    for (const [partition, next] of Object.entries(result.positions)) this.positions.set(Number(partition), next);
    for (let i = 0; i < result.records.length; i++) {
      this.batcher.push(result.records[i]!);
      // A batch of thousands of matches goes out frame by frame, other sockets served in between.
      if ((i + 1) % limits.maxBatchRecords === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.ended) return false;
      }
    }
    if (result.filterError) {
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
    if (result.limitReached || (limit !== undefined && this.matched >= limit)) {
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
    const ranges = unreadable.map((r) => `partition ${r.partition} offsets ${r.from}-${BigInt(r.to) - 1n} (${r.reason})`).join(', ');
    this.options.sink.send({ type: 'status', streamId: this.id, status: this.status ?? 'live', message: `records the companion cannot decode were stepped over: ${ranges}` });
  }

  private setStatus(status: TailStatus, error?: WireError, message?: string) {
    if (this.status === status && !error) return;
    this.status = status;
    this.options.sink.send({ type: 'status', streamId: this.id, status, ...(message ? { message } : {}), ...(error ? { error } : {}) });
    this.sendStats(true);
  }

  /**
   * Stats go out with every status (`force`), and from the timer only when a counter, a position
   * or a high watermark changed since the last ones sent: a caught-up idle stream sends nothing.
   */
  private sendStats(force: boolean) {
    const stats = {
      scanned: this.scanned,
      matched: this.matched,
      sent: this.batcher.sent,
      positions: Object.fromEntries(this.positions),
      highWatermarks: Object.fromEntries(this.highWatermarks),
    };
    const key = JSON.stringify(stats);
    if (!force && key === this.lastStats) return;
    this.lastStats = key;
    this.options.sink.send({ type: 'stats', streamId: this.id, ...stats });
  }
}
