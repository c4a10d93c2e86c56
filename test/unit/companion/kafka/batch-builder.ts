import { gzipSync } from 'node:zlib';

/** Test-only encoder of Kafka v2 record batches (CRC left 0: the decoder does not check it). */
export interface TestRecord {
  key?: Buffer | string | null;
  value?: Buffer | string | null;
  headers?: Array<[string, string | null]>;
  offsetDelta?: number;
  timestampDelta?: number;
}

export interface TestBatch {
  baseOffset: number | bigint;
  records: TestRecord[];
  /** Defaults to the last record's offset delta. */
  lastOffsetDelta?: number;
  compression?: 'none' | 'gzip' | 'snappy';
  transactional?: boolean;
  control?: boolean;
  logAppendTime?: boolean;
  producerId?: number;
  baseTimestamp?: number;
  maxTimestamp?: number;
  magic?: number;
}

export function varint(value: number): Buffer {
  let v = value >= 0 ? value * 2 : -value * 2 - 1;
  const out: number[] = [];
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

const sized = (bytes: Buffer | string | null | undefined) => {
  if (bytes === null || bytes === undefined) return varint(-1);
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return Buffer.concat([varint(b.length), b]);
};

export function encodeRecord(record: TestRecord, index: number): Buffer {
  const headers = record.headers ?? [];
  const body = Buffer.concat([
    Buffer.from([0]),
    varint(record.timestampDelta ?? 0),
    varint(record.offsetDelta ?? index),
    sized(record.key),
    sized(record.value === undefined ? `value-${index}` : record.value),
    varint(headers.length),
    ...headers.flatMap(([k, v]) => [sized(k), sized(v)]),
  ]);
  return Buffer.concat([varint(body.length), body]);
}

/** A control record: key version 0, type 0 (abort) or 1 (commit). */
export function controlRecord(type: 'abort' | 'commit'): TestRecord {
  const key = Buffer.alloc(4);
  key.writeInt16BE(type === 'abort' ? 0 : 1, 2);
  return { key, value: Buffer.alloc(6) };
}

export function encodeBatch(batch: TestBatch): Buffer {
  let records = Buffer.concat(batch.records.map(encodeRecord));
  if (batch.compression === 'gzip') records = gzipSync(records);
  if (batch.compression === 'snappy') records = Buffer.from('not really snappy');
  const codec = { none: 0, gzip: 1, snappy: 2 }[batch.compression ?? 'none'];
  const attributes = codec | (batch.logAppendTime ? 8 : 0) | (batch.transactional ? 16 : 0) | (batch.control ? 32 : 0);
  const header = Buffer.alloc(61);
  header.writeBigInt64BE(BigInt(batch.baseOffset), 0);
  header.writeInt32BE(61 - 12 + records.length, 8);
  header.writeInt32BE(0, 12);
  header.writeInt8(batch.magic ?? 2, 16);
  header.writeUInt32BE(0, 17);
  header.writeInt16BE(attributes, 21);
  const lastDelta = batch.lastOffsetDelta ?? (batch.records.length ? (batch.records.at(-1)!.offsetDelta ?? batch.records.length - 1) : 0);
  header.writeInt32BE(lastDelta, 23);
  header.writeBigInt64BE(BigInt(batch.baseTimestamp ?? 1_700_000_000_000), 27);
  header.writeBigInt64BE(BigInt(batch.maxTimestamp ?? batch.baseTimestamp ?? 1_700_000_000_000), 35);
  header.writeBigInt64BE(BigInt(batch.producerId ?? -1), 43);
  header.writeInt16BE(0, 51);
  header.writeInt32BE(-1, 53);
  header.writeInt32BE(batch.records.length, 57);
  return Buffer.concat([header, records]);
}
