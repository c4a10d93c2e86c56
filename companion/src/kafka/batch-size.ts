import type { RawOutgoingRecord } from './gateway';

/**
 * Bytes of Kafka record batches (message format v2, no compression), computed the way the broker
 * measures them, so a batch the broker would refuse is refused before any of it is sent.
 *
 * The producer sends every record of one partition as one record batch, and the broker compares
 * the whole batch (with its 12-byte log overhead) against the topic's `max.message.bytes`: so the
 * limit applies to the sum of a partition's records in one produce, not to each record alone.
 */

/** baseOffset(8) + batchLength(4): the log overhead `max.message.bytes` includes (its default is 1 MiB + 12). */
const LOG_OVERHEAD = 12;
/** partitionLeaderEpoch, magic, crc, attributes, lastOffsetDelta, first/max timestamp, producer id/epoch, base sequence, record count. */
const BATCH_HEADER = 49;
/** Kafka's default `max.message.bytes` (broker `message.max.bytes`), used when the broker cannot describe the topic. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
/** Kafka's default `socket.request.max.bytes`: a bigger Produce request is dropped by the broker. */
export const DEFAULT_MAX_REQUEST_BYTES = 104_857_600;

const varintBytes = (value: number | bigint): number => {
  // Zigzag, then 7 bits per byte.
  let v = BigInt(value);
  v = v < 0n ? -2n * v - 1n : 2n * v;
  let bytes = 1;
  while (v >= 0x80n) {
    v >>= 7n;
    bytes++;
  }
  return bytes;
};

const sizedBytes = (length: number | null) => (length === null ? varintBytes(-1) : varintBytes(length) + length);

/** One record's bytes inside a batch, its length prefix included. */
export function recordBytes(record: RawOutgoingRecord, offsetDelta: number, timestampDelta: bigint): number {
  let body = 1 + varintBytes(timestampDelta) + varintBytes(offsetDelta);
  body += sizedBytes(record.key?.length ?? null) + sizedBytes(record.value?.length ?? null);
  body += varintBytes(record.headers.length);
  for (const header of record.headers) body += sizedBytes(Buffer.byteLength(header.key)) + sizedBytes(header.value?.length ?? null);
  return varintBytes(body) + body;
}

/** The bytes of one partition's batch as the broker counts them for `max.message.bytes`. */
export function batchBytes(records: RawOutgoingRecord[], now = Date.now()): number {
  const times = records.map((r) => (r.timestamp === undefined ? BigInt(now) : BigInt(r.timestamp)));
  const first = times[0] ?? 0n;
  return LOG_OVERHEAD + BATCH_HEADER + records.reduce((sum, record, index) => sum + recordBytes(record, index, times[index]! - first), 0);
}
