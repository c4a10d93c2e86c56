import { gunzipSync } from 'node:zlib';
import type { RawHeader, RawRecord, RecordCaps } from './gateway';

/**
 * Kafka record batches (message format v2) decoded by us, linear in the bytes and with hard caps,
 * so a record anyone can write (50,000 headers, a megabyte value) costs what its bytes cost and no
 * more. Key and value are views into the fetched (or decompressed) bytes, never copies.
 *
 * Batch layout (KIP-98): baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic
 * int8, crc uint32, attributes int16, lastOffsetDelta int32, baseTimestamp int64, maxTimestamp
 * int64, producerId int64, producerEpoch int16, baseSequence int32, recordCount int32, records.
 */
const LOG_OVERHEAD = 12;
const HEADER_BYTES = 61;
const MAGIC_AT = 16;
const ATTRIBUTES_AT = 21;
const LAST_OFFSET_DELTA_AT = 23;
const BASE_TIMESTAMP_AT = 27;
const MAX_TIMESTAMP_AT = 35;
const PRODUCER_ID_AT = 43;
const RECORD_COUNT_AT = 57;

const COMPRESSION = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Compression = (typeof COMPRESSION)[number] | 'unknown';

/** One batch's frame, read without touching its records. */
export interface BatchFrame {
  baseOffset: bigint;
  lastOffset: bigint;
  magic: number;
  compression: Compression;
  logAppendTime: boolean;
  transactional: boolean;
  control: boolean;
  producerId: bigint;
  baseTimestamp: number;
  maxTimestamp: number;
  recordCount: number;
  /** The records' bytes (compressed as the batch is). */
  body: Buffer;
}

/**
 * The batches whole in `bytes`, in order. A Fetch answer may end inside a batch (the partition's
 * share ran out): that tail is left for the next fetch. Walking frames is O(batches).
 */
export function* batchFrames(bytes: Buffer): Generator<BatchFrame> {
  let at = 0;
  while (bytes.length - at >= LOG_OVERHEAD) {
    const length = bytes.readInt32BE(at + 8);
    const end = at + LOG_OVERHEAD + length;
    if (length < 0 || end > bytes.length) return;
    const baseOffset = bytes.readBigInt64BE(at);
    const magic = length >= MAGIC_AT - LOG_OVERHEAD + 1 ? bytes.readInt8(at + MAGIC_AT) : -1;
    if (magic !== 2 || length < HEADER_BYTES - LOG_OVERHEAD) {
      // Message format v0/v1 (a topic on an old message.format.version): one offset per entry.
      yield legacyFrame(baseOffset, magic);
    } else {
      const attributes = bytes.readInt16BE(at + ATTRIBUTES_AT);
      yield {
        baseOffset,
        lastOffset: baseOffset + BigInt(bytes.readInt32BE(at + LAST_OFFSET_DELTA_AT)),
        magic,
        compression: COMPRESSION[attributes & 7] ?? 'unknown',
        logAppendTime: (attributes & 8) !== 0,
        transactional: (attributes & 16) !== 0,
        control: (attributes & 32) !== 0,
        producerId: bytes.readBigInt64BE(at + PRODUCER_ID_AT),
        baseTimestamp: Number(bytes.readBigInt64BE(at + BASE_TIMESTAMP_AT)),
        maxTimestamp: Number(bytes.readBigInt64BE(at + MAX_TIMESTAMP_AT)),
        recordCount: bytes.readInt32BE(at + RECORD_COUNT_AT),
        body: bytes.subarray(at + HEADER_BYTES, end),
      };
    }
    at = end;
  }
}

function legacyFrame(offset: bigint, magic: number): BatchFrame {
  const none = Buffer.alloc(0);
  return { baseOffset: offset, lastOffset: offset, magic, compression: 'unknown', logAppendTime: false, transactional: false, control: false, producerId: -1n, baseTimestamp: 0, maxTimestamp: 0, recordCount: 0, body: none };
}

/** The records' bytes of a batch, decompressed; null when the companion has no codec for them. */
export function batchBody(frame: BatchFrame): Buffer | null {
  if (frame.magic !== 2) return null;
  switch (frame.compression) {
    case 'none':
      return frame.body;
    case 'gzip':
      return gunzipSync(frame.body);
    default:
      return null;
  }
}

/** Why a batch cannot be read, for the stream's status; null when it can. */
export function unreadableReason(frame: BatchFrame): string | null {
  if (frame.magic !== 2) return `message format v${frame.magic} (only v2, Kafka 0.11 and later, is read)`;
  if (frame.compression === 'none' || frame.compression === 'gzip') return null;
  return `${frame.compression} compression (the companion decompresses gzip only)`;
}

/** Reads Kafka's zigzag varints from a buffer; `at` moves past what was read. */
export class VarintReader {
  at = 0;
  constructor(readonly bytes: Buffer) {}

  /** A zigzag varint of up to 32 bits. */
  int(): number {
    const bytes = this.bytes;
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= bytes.length) throw new RangeError('record ends inside a varint');
      const b = bytes[this.at++]!;
      if (shift < 28) value |= (b & 0x7f) << shift;
      else if (shift === 28) value |= (b & 0x0f) << 28;
      else if (shift > 35) throw new RangeError('varint longer than 5 bytes');
      if ((b & 0x80) === 0) break;
      shift += 7;
    }
    return (value >>> 1) ^ -(value & 1);
  }

  /** A zigzag varlong, exact within ±2^53 (timestamps and offsets deltas). */
  long(): number {
    const bytes = this.bytes;
    let value = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      if (this.at >= bytes.length) throw new RangeError('record ends inside a varint');
      if (i > 9) throw new RangeError('varlong longer than 10 bytes');
      const b = bytes[this.at++]!;
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) break;
      scale *= 128;
    }
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  /** A length-prefixed byte string as a view (null for length -1); `keep` caps the view's length. */
  bytesOrNull(keep = Infinity): { view: Buffer | null; size: number } {
    const size = this.int();
    if (size < 0) return { view: null, size: 0 };
    const end = this.at + size;
    if (end > this.bytes.length) throw new RangeError('record ends inside a field');
    const view = this.bytes.subarray(this.at, this.at + Math.min(size, keep));
    this.at = end;
    return { view, size };
  }

  /** Skips a length-prefixed byte string, returning its length (0 for null). */
  skipBytes(): number {
    const size = this.int();
    if (size <= 0) return 0;
    this.at += size;
    if (this.at > this.bytes.length) throw new RangeError('record ends inside a field');
    return size;
  }
}

export interface RecordContext {
  topic: string;
  partition: number;
  /** Records before it (a compressed batch comes back whole) are left out. */
  fetchOffset: bigint;
  caps: RecordCaps;
}

/**
 * The records of one readable batch, in offset order, each over a cap flagged `capped` instead of
 * decoded in full. Linear in the body's bytes: headers past the caps are stepped over, not built.
 */
export function decodeBatchRecords(frame: BatchFrame, body: Buffer, context: RecordContext, out: RawRecord[]): void {
  const { topic, partition, fetchOffset, caps } = context;
  const reader = new VarintReader(body);
  const base = frame.baseOffset;
  // Offsets as numbers while exact (always, in practice); strings are what the wire carries.
  const baseNumber = base <= BigInt(Number.MAX_SAFE_INTEGER) - 2n ** 32n ? Number(base) : null;
  for (let i = 0; i < frame.recordCount && reader.at < body.length; i++) {
    const length = reader.int();
    const end = reader.at + length;
    if (length < 0 || end > body.length) throw new RangeError(`record ${i} of the batch at ${base} runs past the batch`);
    reader.at++; // attributes: unused in v2
    const timestampDelta = reader.long();
    const offsetDelta = reader.int();
    const offset = baseNumber !== null ? baseNumber + offsetDelta : null;
    if (offset !== null ? offset < Number(fetchOffset) : base + BigInt(offsetDelta) < fetchOffset) {
      reader.at = end;
      continue;
    }
    const key = reader.bytesOrNull(caps.maxKeyBytes);
    const value = reader.bytesOrNull(caps.maxValueBytes);
    const headerCount = reader.int();
    const headers: RawHeader[] = [];
    let headerBytes = 0;
    let skippedHeaders = 0;
    for (let h = 0; h < headerCount; h++) {
      if (headers.length >= caps.maxHeaders || headerBytes >= caps.maxHeaderBytes) {
        headerBytes += reader.skipBytes() + reader.skipBytes();
        skippedHeaders++;
        continue;
      }
      const name = reader.bytesOrNull();
      const headerValue = reader.bytesOrNull();
      headerBytes += name.size + headerValue.size;
      headers.push({ key: name.view ? name.view.toString('utf8') : '', value: headerValue.view });
    }
    reader.at = end;
    const timestamp = frame.logAppendTime ? frame.maxTimestamp : frame.baseTimestamp + timestampDelta;
    const record: RawRecord = {
      topic,
      partition,
      offset: offset !== null ? String(offset) : (base + BigInt(offsetDelta)).toString(),
      timestamp: String(timestamp),
      timestampType: frame.logAppendTime ? 'LogAppendTime' : 'CreateTime',
      key: key.view,
      value: value.view,
      headers,
    };
    const keyCut = key.view !== null && key.view.length < key.size;
    const valueCut = value.view !== null && value.view.length < value.size;
    if (keyCut || valueCut || skippedHeaders > 0) {
      record.capped = {
        ...(keyCut ? { keyBytes: key.size } : {}),
        ...(valueCut ? { valueBytes: value.size } : {}),
        ...(skippedHeaders > 0 ? { headers: headerCount, headerBytes } : {}),
      };
    }
    out.push(record);
  }
}
