import type { PartitionStart } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';
import { createRecordDecoder } from '../../../../companion/src/codec/record-decoder';
import type { RawBatch, RawFetch, RawRecord, TailReader } from '../../../../companion/src/kafka/gateway';
import type { ScanResult } from '../../../../companion/src/scan/scan-job';
import type { TailScan } from '../../../../companion/src/session/tail-scan';
import { TailSource } from '../../../../companion/src/session/tail-source';

const answer = (bytes: number, caughtUp = false): RawFetch => ({
  parts: [{ fetchOffset: '0', data: { partition: 0, errorCode: 0, highWatermark: '10', lastStableOffset: '10', abortedTransactions: [], records: Buffer.alloc(bytes) } }],
  highWatermarks: new Map([[0, '10']]),
  caughtUp,
  skipped: [],
});

/** Counts its Fetches and answers each with the next of `answers` (raw), or `records` (decoded). */
class CountingReader implements TailReader {
  readonly topic = 't';
  readonly starts: PartitionStart[] = [];
  rawFetches = 0;
  fetches = 0;
  constructor(private readonly answers: RawFetch[] = [], private readonly records: RawRecord[] = []) {}
  fetch(): Promise<RawBatch> {
    this.fetches++;
    return Promise.resolve({ records: this.records, highWatermarks: new Map(), caughtUp: false, skipped: [] });
  }
  fetchRaw(): Promise<RawFetch> {
    this.rawFetches++;
    return Promise.resolve(this.answers.shift() ?? answer(0));
  }
  seek = async () => this.starts;
  positions = () => new Map<number, string>();
  close = async () => {};
}

const result = (matched: number): ScanResult => ({ records: [], scanned: matched, matched, positions: {}, limitReached: false, stretches: [], unreadable: [] });

/** A worker stand-in: answers each scan with what `scan` returns, remembering the parts it got. */
const fakeWorker = (scan: (parts: RawFetch['parts']) => Promise<ScanResult>) => ({ scan, errorOf: (error: unknown) => ({ code: 'INTERNAL', message: String(error) }), close: () => {} }) as unknown as TailScan;
const inThread = { predicate: () => true, decoder: createRecordDecoder(undefined, 't') };

describe('TailSource: where a tail gets its batches', () => {
  it('hands out the Fetch started ahead when asked under the same signal, and fetches anew under another', async () => {
    const first = answer(100);
    const second = answer(200);
    const reader = new CountingReader([first, second, answer(300)]);
    const source = new TailSource(reader, fakeWorker(async () => result(0)), inThread);
    const signal = new AbortController().signal;
    expect(await source.next(signal)).toBe(first);
    source.fetchAhead(first, signal);
    expect(reader.rawFetches).toBe(2);
    expect(await source.next(signal)).toBe(second);
    expect(reader.rawFetches).toBe(2);
    // An interruption (pause, seek, stop) means a new signal: the answer fetched ahead is dropped.
    source.fetchAhead(second, signal);
    const other = await source.next(new AbortController().signal);
    expect(other).not.toBe(second);
    expect(reader.rawFetches).toBe(4);
  });

  it('fetches ahead only after an answer that held records and was not the end', async () => {
    const reader = new CountingReader();
    const source = new TailSource(reader, fakeWorker(async () => result(0)), inThread);
    const signal = new AbortController().signal;
    source.fetchAhead(answer(0), signal);
    source.fetchAhead(answer(100, true), signal);
    expect(reader.rawFetches).toBe(0);
    source.fetchAhead(answer(100), signal);
    expect(reader.rawFetches).toBe(1);
  });

  it('scans raw answers in the worker and decoded batches here, with the same filter code', async () => {
    const got: number[] = [];
    const reader = new CountingReader([], [{ topic: 't', partition: 0, offset: '7', timestamp: '0', key: null, value: Buffer.from('{"a":1}'), headers: [] }]);
    const source = new TailSource(reader, fakeWorker(async (parts) => (got.push(parts.length), result(3))), inThread);
    expect((await source.scan(answer(10), 1024, null, () => {})).matched).toBe(3);
    expect(got).toEqual([1]);
    // An answer with no partitions never reaches the worker.
    expect((await source.scan({ ...answer(0), parts: [] }, 1024, null, () => {})).scanned).toBe(0);
    expect(got).toEqual([1]);
    const here = await source.scan(await reader.fetch(), 1024, null, () => {});
    expect(here.matched).toBe(1);
    expect(here.records).toHaveLength(1);
  });

  it('without a worker reads decoded batches, fetches nothing ahead, and names a failed scan INTERNAL', async () => {
    const reader = new CountingReader();
    const source = new TailSource(reader, null, inThread);
    const signal = new AbortController().signal;
    await source.next(signal);
    source.fetchAhead(answer(100), signal);
    expect([reader.fetches, reader.rawFetches]).toEqual([1, 0]);
    expect(source.errorOf(new Error('bad batch'))).toEqual({ code: 'INTERNAL', message: 'decoding records failed: bad batch' });
  });
});
