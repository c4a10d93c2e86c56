import type { FetchedPartition } from './partition-read';

/**
 * Our own Fetch request (version 4: isolation level, last stable offset, aborted transactions) and
 * its answer, read only down to each partition's record batches, which stay raw bytes (views into
 * the answer). KafkaJS's connection frames and sends it (TLS and SASL as configured); its record
 * decoder, quadratic in a record's headers, never sees the bytes.
 */
export const FETCH_API_KEY = 1;
export const FETCH_VERSION = 4;
export const READ_COMMITTED = 1;

export interface FetchAsk {
  topic: string;
  partitions: Array<{ partition: number; offset: string; maxBytes: number }>;
  maxWaitMs: number;
  maxBytes: number;
}

/** Fetch v4: replica_id max_wait min_bytes max_bytes isolation_level [topic [partition fetch_offset max_bytes]]. */
export function encodeFetchRequest(ask: FetchAsk): Buffer {
  const topic = Buffer.from(ask.topic, 'utf8');
  const out = Buffer.alloc(4 * 4 + 1 + 4 + 2 + topic.length + 4 + ask.partitions.length * 16);
  let at = out.writeInt32BE(-1, 0);
  at = out.writeInt32BE(ask.maxWaitMs, at);
  at = out.writeInt32BE(1, at);
  at = out.writeInt32BE(ask.maxBytes, at);
  at = out.writeInt8(READ_COMMITTED, at);
  at = out.writeInt32BE(1, at);
  at = out.writeInt16BE(topic.length, at);
  at += topic.copy(out, at);
  at = out.writeInt32BE(ask.partitions.length, at);
  for (const p of ask.partitions) {
    at = out.writeInt32BE(p.partition, at);
    at = out.writeBigInt64BE(BigInt(p.offset), at);
    at = out.writeInt32BE(p.maxBytes, at);
  }
  return out;
}

export interface FetchAnswer {
  throttleTimeMs: number;
  topics: Array<{ topic: string; partitions: FetchedPartition[] }>;
}

/** Reads a Fetch v4 answer (after the correlation id). Throws RangeError on a malformed answer. */
export function decodeFetchResponse(bytes: Buffer): FetchAnswer {
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new RangeError('the Fetch answer ends early');
  };
  const int16 = () => (need(2), (at += 2), bytes.readInt16BE(at - 2));
  const int32 = () => (need(4), (at += 4), bytes.readInt32BE(at - 4));
  const int64 = () => (need(8), (at += 8), bytes.readBigInt64BE(at - 8).toString());
  const throttleTimeMs = int32();
  const topics: FetchAnswer['topics'] = [];
  for (let t = int32(); t > 0; t--) {
    const length = int16();
    need(length);
    const topic = bytes.toString('utf8', at, (at += length));
    const partitions: FetchedPartition[] = [];
    for (let p = int32(); p > 0; p--) {
      const partition = int32();
      const errorCode = int16();
      const highWatermark = int64();
      const lastStableOffset = int64();
      const abortedTransactions: FetchedPartition['abortedTransactions'] = [];
      for (let a = int32(); a > 0; a--) abortedTransactions.push({ producerId: int64(), firstOffset: int64() });
      const size = int32();
      let records = bytes.subarray(0, 0);
      if (size > 0) {
        need(size);
        records = bytes.subarray(at, (at += size));
      }
      partitions.push({ partition, errorCode, highWatermark, lastStableOffset, abortedTransactions, records });
    }
    topics.push({ topic, partitions });
  }
  return { throttleTimeMs, topics };
}

/** Kafka error codes a Fetch answers per partition, by the names KafkaJS (and error-map.ts) use. */
const ERROR_TYPES: Record<number, string> = {
  1: 'OFFSET_OUT_OF_RANGE',
  3: 'UNKNOWN_TOPIC_OR_PARTITION',
  5: 'LEADER_NOT_AVAILABLE',
  6: 'NOT_LEADER_FOR_PARTITION',
  29: 'TOPIC_AUTHORIZATION_FAILED',
  74: 'FENCED_LEADER_EPOCH',
  75: 'UNKNOWN_LEADER_EPOCH',
  100: 'UNKNOWN_TOPIC_ID',
};

/** A partition's error as a KafkaJS-shaped protocol error, so error-map.ts and the stale-metadata check read it. */
export function fetchPartitionError(topic: string, partition: number, code: number): Error & { type: string; code: number; partition: number; topic: string } {
  const type = ERROR_TYPES[code] ?? `KAFKA_ERROR_${code}`;
  return Object.assign(new Error(`Fetch of ${topic} partition ${partition} failed: ${type}`), { name: 'KafkaJSProtocolError', type, code, partition, topic });
}
