import type { PartitionStart, ServerMessage, StartPosition } from '@kafka-inspector/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../companion/src/config';
import { compileFilter } from '../../../../companion/src/filter/filter';
import type { RawBatch, RawFetch, TailReader } from '../../../../companion/src/kafka/gateway';
import type { RawPart } from '../../../../companion/src/kafka/partition-read';
import { ScanPool } from '../../../../companion/src/scan/scan-pool';
import type { TailScanSettings } from '../../../../companion/src/session/tail-scan';
import { TailStream } from '../../../../companion/src/session/tail-stream';
import { encodeBatch, type TestBatch } from '../kafka/batch-builder';
import { frameSink } from './frame-sink';

/** Hands out raw record batches (as a Fetch answer carries them), then parks until aborted. */
class RawReader implements TailReader {
  readonly topic = 't';
  starts: PartitionStart[] = [{ partition: 0, offset: '0', low: '0', high: '0' }];
  private next = 0;
  constructor(private readonly batches: TestBatch[][]) {}
  positions() {
    return new Map([[0, String(this.next)]]);
  }
  async seek(_start: StartPosition) {
    return this.starts;
  }
  fetch(): Promise<RawBatch> {
    throw new Error('a scanning stream asks for raw bytes');
  }
  fetchRaw(signal: AbortSignal): Promise<RawFetch> {
    const batches = this.batches.shift();
    if (batches) {
      const fetchOffset = String(this.next);
      this.next += batches.reduce((n, b) => n + b.records.length, 0);
      const part: RawPart = { fetchOffset, data: { partition: 0, errorCode: 0, highWatermark: String(this.next), lastStableOffset: String(this.next), abortedTransactions: [], records: Buffer.concat(batches.map(encodeBatch)) } };
      return Promise.resolve({ parts: [part], highWatermarks: new Map([[0, String(this.next)]]), caughtUp: this.batches.length === 0, skipped: [] });
    }
    return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }));
  }
  async close() {}
}

const pool = new ScanPool(2);
const hanging = new ScanPool(1, new URL('../scan/fake-scan-worker.mjs', import.meta.url));
const streams: TailStream[] = [];
afterEach(async () => {
  await Promise.all(streams.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await Promise.all([pool.close(), hanging.close()]);
});

function open(batches: TestBatch[][], scan: TailScanSettings, limit?: number) {
  const frames: ServerMessage[] = [];
  const reader = new RawReader(batches);
  const stream = new TailStream({ id: 's1', reader, predicate: compileFilter(scan.filter), limit, limits: DEFAULT_LIMITS, scan, sink: frameSink(frames) });
  streams.push(stream);
  stream.start();
  const statuses = () => frames.flatMap((f) => (f.type === 'status' ? [f] : []));
  const records = () => frames.flatMap((f) => (f.type === 'records' ? f.records : []));
  return { frames, statuses, records };
}

const until = async (test: () => boolean, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('a tail stream scanning in a worker', () => {
  it('delivers what the worker matched, counts what it scanned, resumes past filtered-out records', async () => {
    const tail = open([[{ baseOffset: 0, records: [{ value: 'a needle' }, { value: 'hay' }, { value: 'hay' }] }]], { filter: { text: 'needle' }, pool });
    await until(() => tail.statuses().some((s) => s.status === 'caught-up'));
    expect(tail.records().map((r) => r.offset)).toEqual(['0']);
    const stats = tail.frames.filter((f) => f.type === 'stats').at(-1);
    expect(stats).toMatchObject({ scanned: 3, matched: 1, positions: { 0: '3' } });
  }, 30_000);

  it('ends at its limit inside a batch', async () => {
    const tail = open([[{ baseOffset: 0, records: [{}, {}, {}, {}] }]], { filter: undefined, pool }, 2);
    await until(() => tail.statuses().some((s) => s.status === 'ended'));
    expect(tail.records().map((r) => r.offset)).toEqual(['0', '1']);
    expect(tail.statuses().at(-1)!.message).toMatch(/limit of 2/);
  }, 30_000);

  it('says which offsets it stepped over for want of a codec', async () => {
    const tail = open([[{ baseOffset: 0, compression: 'snappy', records: [{}, {}] }, { baseOffset: 2, records: [{ value: 'after' }] }]], { filter: undefined, pool });
    await until(() => tail.records().length === 1);
    expect(tail.records()[0]).toMatchObject({ offset: '2' });
    expect(tail.statuses().some((s) => /partition 0 offsets 0-1 \(snappy/.test(s.message ?? ''))).toBe(true);
  }, 30_000);

  it('ends with INVALID_FILTER when its filter runs past the deadline; the worker is ended, not the process', async () => {
    const tail = open([[{ baseOffset: 0, records: [{}] }]], { filter: { text: 'hang' }, pool: hanging, deadlineMs: 300 });
    await until(() => tail.statuses().some((s) => s.status === 'ended'));
    const error = tail.statuses().find((s) => s.status === 'error');
    expect(error).toMatchObject({ error: { code: 'INVALID_FILTER' } });
    expect(error!.error!.message).toMatch(/past its budget/);
  }, 30_000);
});
