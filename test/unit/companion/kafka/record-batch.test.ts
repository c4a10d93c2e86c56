import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_CAPS, type RecordCaps } from '../../../../companion/src/kafka/gateway';
import { type FetchedPartition, readPartition } from '../../../../companion/src/kafka/partition-read';
import { batchFrames, VarintReader } from '../../../../companion/src/kafka/record-batch';
import { controlRecord, encodeBatch, varint } from './batch-builder';

const partitionOf = (records: Buffer, extra: Partial<FetchedPartition> = {}): FetchedPartition => ({
  partition: 0,
  errorCode: 0,
  highWatermark: '100',
  lastStableOffset: '-1',
  abortedTransactions: [],
  records,
  ...extra,
});
const read = (bytes: Buffer, fetchOffset = '0', extra: Partial<FetchedPartition> = {}, caps: RecordCaps = DEFAULT_RECORD_CAPS) =>
  readPartition('t', fetchOffset, partitionOf(bytes, extra), caps);
const offsets = (result: ReturnType<typeof read>) => result.records.map((r) => r.offset);

describe('varints', () => {
  it.each([0, 1, -1, 63, -64, 64, 300, -300, 2 ** 31 - 1, -(2 ** 31)])('round-trips %d as an int', (n) => {
    expect(new VarintReader(varint(n)).int()).toBe(n);
  });
  it.each([0, -1, 2 ** 40, -(2 ** 40), 1_700_000_000_123])('round-trips %d as a long', (n) => {
    expect(new VarintReader(varint(n)).long()).toBe(n);
  });
  it('refuses a varint cut short', () => {
    expect(() => new VarintReader(Buffer.from([0x80])).int()).toThrow(RangeError);
  });
});

describe('record batches', () => {
  it('decodes offsets, timestamps, keys, values and repeated headers', () => {
    const bytes = encodeBatch({
      baseOffset: 10,
      baseTimestamp: 1000,
      records: [
        { key: 'k', value: 'v', headers: [['a', '1'], ['a', '2'], ['n', null]] },
        { key: null, value: null, timestampDelta: 5 },
      ],
    });
    const result = read(bytes, '10');
    expect(result.records).toEqual([
      { topic: 't', partition: 0, offset: '10', timestamp: '1000', timestampType: 'CreateTime', key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'a', value: Buffer.from('1') }, { key: 'a', value: Buffer.from('2') }, { key: 'n', value: null }] },
      { topic: 't', partition: 0, offset: '11', timestamp: '1005', timestampType: 'CreateTime', key: null, value: null, headers: [] },
    ]);
    expect(result.next).toBe('12');
  });

  it('uses the batch time for log-append-time topics', () => {
    const bytes = encodeBatch({ baseOffset: 0, baseTimestamp: 1, maxTimestamp: 777, logAppendTime: true, records: [{}, { timestampDelta: 3 }] });
    expect(read(bytes).records.map((r) => [r.timestamp, r.timestampType])).toEqual([
      ['777', 'LogAppendTime'],
      ['777', 'LogAppendTime'],
    ]);
  });

  it('decompresses gzip and leaves out records before the fetch offset', () => {
    const bytes = encodeBatch({ baseOffset: 0, compression: 'gzip', records: [{}, {}, {}, {}] });
    const result = read(bytes, '2');
    expect(offsets(result)).toEqual(['2', '3']);
    expect(result.records[0]!.value).toEqual(Buffer.from('value-2'));
    expect(result.next).toBe('4');
  });

  it('steps over a batch it has no codec for, and says which offsets', () => {
    const bytes = Buffer.concat([encodeBatch({ baseOffset: 0, compression: 'snappy', records: [{}, {}] }), encodeBatch({ baseOffset: 2, records: [{}] })]);
    const result = read(bytes);
    expect(offsets(result)).toEqual(['2']);
    expect(result.unreadable).toEqual([{ partition: 0, from: '0', to: '2', reason: expect.stringContaining('snappy') }]);
    expect(result.next).toBe('3');
  });

  it('leaves a batch cut at the end of the answer for the next fetch', () => {
    const whole = encodeBatch({ baseOffset: 0, records: [{}, {}] });
    const cut = encodeBatch({ baseOffset: 2, records: [{}, {}] }).subarray(0, 30);
    const result = read(Buffer.concat([whole, cut]));
    expect(offsets(result)).toEqual(['0', '1']);
    expect(result.next).toBe('2');
  });

  it('steps over compacted offsets: positions follow the batch, not its records', () => {
    // Compaction kept only offset 5 of a batch covering 3..7.
    const bytes = encodeBatch({ baseOffset: 3, lastOffsetDelta: 4, records: [{ offsetDelta: 2 }] });
    const result = read(bytes, '3');
    expect(offsets(result)).toEqual(['5']);
    expect(result.next).toBe('8');
    // A batch compaction emptied entirely still moves the position.
    expect(read(encodeBatch({ baseOffset: 3, lastOffsetDelta: 4, records: [] }), '3').next).toBe('8');
  });

  it('skips batches wholly before the fetch offset', () => {
    const bytes = Buffer.concat([encodeBatch({ baseOffset: 0, records: [{}, {}] }), encodeBatch({ baseOffset: 2, records: [{}] })]);
    const result = read(bytes, '2');
    expect(offsets(result)).toEqual(['2']);
    expect(result.next).toBe('3');
  });

  it('drops control batches and aborted transactions, keeps committed ones', () => {
    const bytes = Buffer.concat([
      encodeBatch({ baseOffset: 0, transactional: true, producerId: 7, records: [{ value: 'aborted-1' }, { value: 'aborted-2' }] }),
      encodeBatch({ baseOffset: 2, transactional: true, producerId: 8, records: [{ value: 'committed' }] }),
      encodeBatch({ baseOffset: 3, control: true, transactional: true, producerId: 7, records: [controlRecord('abort')] }),
      encodeBatch({ baseOffset: 4, control: true, transactional: true, producerId: 8, records: [controlRecord('commit')] }),
      // Producer 7's next transaction, after its abort marker, is committed.
      encodeBatch({ baseOffset: 5, transactional: true, producerId: 7, records: [{ value: 'later' }] }),
      encodeBatch({ baseOffset: 6, records: [{ value: 'plain' }] }),
    ]);
    const result = read(bytes, '0', { abortedTransactions: [{ producerId: '7', firstOffset: '0' }], lastStableOffset: '7' });
    expect(result.records.map((r) => r.value!.toString())).toEqual(['committed', 'later', 'plain']);
    expect(result.next).toBe('7');
    expect(result.end).toBe('7');
  });

  it('reads the end from the last stable offset, or the high watermark when unknown', () => {
    const bytes = encodeBatch({ baseOffset: 0, records: [{}] });
    expect(read(bytes, '0', { lastStableOffset: '-1', highWatermark: '9' }).end).toBe('9');
    expect(read(bytes, '0', { lastStableOffset: '4', highWatermark: '9' }).end).toBe('4');
  });

  it('keeps the first headers of a record with 50,000 and flags it, in linear time', () => {
    const headers = Array.from({ length: 50_000 }, (_, i) => [`h${i}`, 'v'] as [string, string]);
    const bytes = encodeBatch({ baseOffset: 0, records: [{ headers }, { value: 'next' }] });
    const started = performance.now();
    const result = read(bytes);
    const ms = performance.now() - started;
    const [big, next] = result.records;
    expect(big!.headers).toHaveLength(DEFAULT_RECORD_CAPS.maxHeaders);
    expect(big!.headers[999]).toEqual({ key: 'h999', value: Buffer.from('v') });
    expect(big!.capped).toMatchObject({ headers: 50_000 });
    expect(next!.value).toEqual(Buffer.from('next'));
    expect(next!.capped).toBeUndefined();
    // KafkaJS took 29 s for 10,000 headers; a linear walk is milliseconds even on a loaded machine.
    expect(ms).toBeLessThan(1_000);
  });

  it('caps header bytes, key and value views, reporting the original sizes', () => {
    const caps: RecordCaps = { maxHeaders: 100, maxHeaderBytes: 10, maxKeyBytes: 2, maxValueBytes: 4 };
    const bytes = encodeBatch({ baseOffset: 0, records: [{ key: 'kkkk', value: 'vvvvvvvv', headers: [['a', '123456789'], ['b', 'x'], ['c', 'y']] }] });
    const [record] = read(bytes, '0', {}, caps).records;
    expect(record!.key).toEqual(Buffer.from('kk'));
    expect(record!.value).toEqual(Buffer.from('vvvv'));
    expect(record!.headers.map((h) => h.key)).toEqual(['a']);
    expect(record!.capped).toEqual({ keyBytes: 4, valueBytes: 8, headers: 3, headerBytes: 14 });
  });

  it('refuses a record whose length runs past its batch', () => {
    const bytes = encodeBatch({ baseOffset: 0, records: [{ value: 'abc' }] });
    // The record's length varint is the first byte after the 61-byte header: claim more than there is.
    bytes[61] = varint(60)[0]!;
    expect(() => read(bytes)).toThrow(RangeError);
  });

  it('walks batch frames without reading records, and steps over message format v1 by offset', () => {
    const legacy = Buffer.alloc(12 + 14);
    legacy.writeBigInt64BE(4n, 0);
    legacy.writeInt32BE(14, 8);
    legacy.writeInt8(1, 16);
    const frames = [...batchFrames(Buffer.concat([encodeBatch({ baseOffset: 0, records: [{}, {}, {}, {}] }), legacy]))];
    expect(frames.map((f) => [f.baseOffset, f.lastOffset, f.magic])).toEqual([
      [0n, 3n, 2],
      [4n, 4n, 1],
    ]);
    const result = read(Buffer.concat([encodeBatch({ baseOffset: 0, records: [{}, {}, {}, {}] }), legacy]));
    expect(result.next).toBe('5');
    expect(result.unreadable[0]).toMatchObject({ from: '4', to: '5' });
  });
});
