import { describe, expect, it } from 'vitest';
import { decodeFetchResponse, encodeFetchRequest, fetchPartitionError } from '../../../../companion/src/kafka/fetch-wire';
import { toGatewayError } from '../../../../companion/src/kafka/error-map';
import { isStaleMetadata } from '../../../../companion/src/kafka/start-offsets';
import { encodeBatch } from './batch-builder';

const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};

describe('Fetch v4 on the wire', () => {
  it('encodes a READ_COMMITTED request for one topic', () => {
    const bytes = encodeFetchRequest({ topic: 'ab', maxWaitMs: 500, maxBytes: 1000, partitions: [{ partition: 3, offset: '42', maxBytes: 500 }] });
    expect(bytes.readInt32BE(0)).toBe(-1);
    expect(bytes.readInt32BE(4)).toBe(500);
    expect(bytes.readInt32BE(12)).toBe(1000);
    expect(bytes.readInt8(16)).toBe(1);
    expect(bytes.readInt32BE(17)).toBe(1);
    expect(bytes.toString('utf8', 23, 25)).toBe('ab');
    expect(bytes.readInt32BE(29)).toBe(3);
    expect(bytes.readBigInt64BE(33)).toBe(42n);
    expect(bytes.length).toBe(45);
  });

  it('decodes partitions, aborted transactions and leaves record batches raw', () => {
    const batch = encodeBatch({ baseOffset: 0, records: [{}] });
    const answer = Buffer.concat([
      int32(0),
      int32(1),
      int16(1),
      Buffer.from('t'),
      int32(2),
      ...[int32(0), int16(0), int64(10n), int64(9n), int32(1), int64(7n), int64(3n), int32(batch.length), batch],
      ...[int32(1), int16(1), int64(5n), int64(-1n), int32(-1), int32(-1)],
    ]);
    const { topics } = decodeFetchResponse(answer);
    expect(topics[0]!.topic).toBe('t');
    const [p0, p1] = topics[0]!.partitions;
    expect(p0).toMatchObject({ partition: 0, errorCode: 0, highWatermark: '10', lastStableOffset: '9', abortedTransactions: [{ producerId: '7', firstOffset: '3' }] });
    expect(p0!.records.equals(batch)).toBe(true);
    expect(p1).toMatchObject({ partition: 1, errorCode: 1, abortedTransactions: [], records: Buffer.alloc(0) });
  });

  it('refuses an answer cut short', () => {
    expect(() => decodeFetchResponse(Buffer.concat([int32(0), int32(1), int16(5), Buffer.from('ab')]))).toThrow(RangeError);
  });

  it('names partition errors as KafkaJS does, so the error map and stale-metadata check read them', () => {
    expect(toGatewayError(fetchPartitionError('t', 0, 3)).code).toBe('NOT_FOUND');
    expect(isStaleMetadata(fetchPartitionError('t', 0, 6))).toBe(true);
    expect(fetchPartitionError('t', 2, 1)).toMatchObject({ type: 'OFFSET_OUT_OF_RANGE', partition: 2 });
  });
});
