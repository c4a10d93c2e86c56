import type { PartitionStart, ServerMessage, StartPosition } from '@kafka-inspector/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../companion/src/config';
import { compileFilter, type RecordPredicate } from '../../../../companion/src/filter/filter';
import type { RawBatch, RawRecord, TailReader } from '../../../../companion/src/kafka/gateway';
import { isConstantPredicate } from '../../../../companion/src/scan/scan-batch';
import { TailStream } from '../../../../companion/src/session/tail-stream';
import { frameSink } from './frame-sink';

const record = (offset: number): RawRecord => ({ topic: 't', partition: 0, offset: String(offset), timestamp: '0', key: null, value: Buffer.from(`v${offset}`), headers: [] });

/** Hands out the given batches, then parks like a broker's long poll until aborted. */
class FakeReader implements TailReader {
  readonly topic = 't';
  starts: PartitionStart[] = [{ partition: 0, offset: '0', low: '0', high: '0' }];
  closeCalls = 0;
  private next = 0;
  constructor(
    private readonly batches: RawRecord[][],
    private readonly closeMs = 0,
  ) {}
  positions() {
    return new Map([[0, String(this.next)]]);
  }
  async seek(_start: StartPosition) {
    return this.starts;
  }
  fetch(signal: AbortSignal): Promise<RawBatch> {
    const records = this.batches.shift();
    if (records) {
      this.next += records.length;
      return Promise.resolve({ records, highWatermarks: new Map([[0, String(this.next)]]), caughtUp: false, skipped: [] });
    }
    return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }));
  }
  close() {
    this.closeCalls++;
    // KafkaJS waits for the parked Fetch before it ends the socket.
    return new Promise<void>((resolve) => setTimeout(resolve, this.closeMs));
  }
}

const streams: TailStream[] = [];
afterEach(async () => {
  await Promise.all(streams.splice(0).map((s) => s.close()));
});

function open(reader: FakeReader, predicate: RecordPredicate) {
  const frames: ServerMessage[] = [];
  const stream = new TailStream({ id: 's1', reader, predicate, limits: DEFAULT_LIMITS, sink: frameSink(frames) });
  streams.push(stream);
  stream.start();
  return { stream, frames, statuses: () => frames.flatMap((f) => (f.type === 'status' ? [f] : [])) };
}

const until = async (test: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** Blocks the thread without using CPU: what a descheduled process or a stopped VM looks like. */
const offCpu = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
/** Uses `ms` of this process's CPU time (however long that takes on a shared machine). */
const burnCpu = (ms: number) => {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
};

describe('TailStream.stop', () => {
  it('sends `ended` and returns at once while the reader closes in the background', async () => {
    const reader = new FakeReader([[record(0)]], 400);
    const { stream, statuses } = open(reader, () => true);
    await until(() => statuses().some((s) => s.status === 'live'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await stream.stop();
    expect(performance.now() - started).toBeLessThan(50);
    expect(statuses().at(-1)).toMatchObject({ status: 'ended', message: 'stopped' });
    expect(stream.isEnded).toBe(true);
    await until(() => reader.closeCalls === 1);
  });
});

describe('TailStream filter time limit', () => {
  it('a tail without a filter is never timed (its predicate takes no record)', () => {
    expect(isConstantPredicate(compileFilter(undefined))).toBe(true);
    expect(isConstantPredicate(compileFilter({ text: '' }))).toBe(true);
    expect(isConstantPredicate(compileFilter({ text: 'x' }))).toBe(false);
    expect(isConstantPredicate(compileFilter({ cel: 'partition == 0' }))).toBe(false);
  });

  it('a cheap filter whose call was stalled 150 ms off-CPU (GC, busy machine) keeps its tail', async () => {
    const cheap = compileFilter({ text: 'v' });
    const records = Array.from({ length: 10 }, (_, i) => record(i));
    const { frames, statuses } = open(new FakeReader([records]), (r) => {
      if (r.offset === '3') offCpu(150);
      return cheap(r);
    });
    await until(() => frames.some((f) => f.type === 'records' || (f.type === 'status' && f.status === 'ended')), 3000);
    expect(statuses().filter((s) => s.status === 'error' || s.status === 'ended')).toEqual([]);
    expect(frames.flatMap((f) => (f.type === 'records' ? f.records : []))).toHaveLength(10);
  });

  it('a filter that burns over 100 ms of CPU per record is ended with INVALID_FILTER', async () => {
    const records = Array.from({ length: 8 }, (_, i) => record(i));
    const { statuses } = open(new FakeReader([records]), (r) => (burnCpu(130), r.offset !== ''));
    await until(() => statuses().some((s) => s.status === 'ended'), 5000);
    const error = statuses().find((s) => s.status === 'error');
    expect(error?.error).toMatchObject({ code: 'INVALID_FILTER', message: expect.stringMatching(/ms of CPU per record over the last 5 records/) });
  });
});

describe('TailStream and a CEL filter over its cost limit', () => {
  it('ends the stream with INVALID_FILTER naming the record, after sending the matches before it', async () => {
    const numbers = (n: number) => ({ ...record(n), value: Buffer.from(JSON.stringify(Array.from({ length: n }, (_, i) => i))) });
    const predicate = compileFilter({ cel: 'value.all(a, value.all(b, value.all(c, a + b + c >= 0.0)))' });
    const { frames, statuses } = open(new FakeReader([[numbers(3), numbers(1000), numbers(4)]]), predicate);
    await until(() => statuses().some((s) => s.status === 'ended'), 5000);
    const error = statuses().find((s) => s.status === 'error');
    expect(error?.error).toMatchObject({ code: 'INVALID_FILTER', message: expect.stringMatching(/cost limit on the record at partition 0 offset 1000/) });
    expect(frames.flatMap((f) => (f.type === 'records' ? f.records.map((r) => r.offset) : []))).toEqual(['3']);
  });
});

/** A caught-up partition as a broker's long poll shows it: an empty batch every few ms, nothing new. */
class IdleReader extends FakeReader {
  override fetch(signal: AbortSignal): Promise<RawBatch> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ records: [], highWatermarks: new Map([[0, '0']]), caughtUp: true, skipped: [] }), 5);
      signal.addEventListener('abort', () => (clearTimeout(timer), reject(new DOMException('aborted', 'AbortError'))), { once: true });
    });
  }
}

describe('TailStream stats', () => {
  it('a caught-up idle stream sends no stats until something changes', async () => {
    const frames: ServerMessage[] = [];
    const stream = new TailStream({ id: 's1', reader: new IdleReader([]), predicate: () => true, limits: DEFAULT_LIMITS, statsIntervalMs: 10, sink: frameSink(frames) });
    streams.push(stream);
    stream.start();
    await until(() => frames.some((f) => f.type === 'status' && f.status === 'caught-up'));
    const before = frames.filter((f) => f.type === 'stats').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(frames.filter((f) => f.type === 'stats').length - before).toBe(0);
  });
});
