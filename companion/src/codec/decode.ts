import { isUtf8 } from 'node:buffer';
import type { EncodedData, WireHeader, WireRecord } from '@kafka-inspector/shared';
import type { RawRecord } from '../kafka/gateway';
import { hasControlChars, mayBeJsonContainer, parsesAsJson, utf8PrefixLength } from './utf8';

/**
 * Decodes bytes for the wire without loss: valid UTF-8 becomes `text` (or `json` when it is an
 * object or array that parses), anything else `binary` (base64). Bytes past `maxBytes` are cut (on
 * a UTF-8 boundary for text) and flagged `truncated`; `size` always reports the original length.
 *
 * The kind is decided on the whole buffer, so a cut never turns text into binary or hides JSON;
 * a truncated `json` text does not parse, and the `truncated` flag tells the UI why.
 */
export function decodeData(bytes: Buffer, maxBytes: number): EncodedData {
  const size = bytes.length;
  const truncated = size > maxBytes;
  // isUtf8 is simdutf-backed: far cheaper than a fatal TextDecoder that throws on every binary value.
  if (isUtf8(bytes)) {
    const end = truncated ? utf8PrefixLength(bytes, maxBytes) : size;
    const text = bytes.toString('utf8', 0, end);
    if (mayBeJsonContainer(bytes) && parsesAsJson(truncated ? bytes.toString('utf8') : text)) {
      return withTruncated({ encoding: 'json', text, size }, truncated);
    }
    // JSON never holds raw control characters, so this test only matters for plain text.
    if (!hasControlChars(text)) return withTruncated({ encoding: 'text', text, size }, truncated);
  }
  const base64 = bytes.toString('base64', 0, Math.min(size, Math.max(maxBytes, 0)));
  return withTruncated({ encoding: 'binary', base64, size }, truncated);
}

/** `truncated` is left out when false: it is optional on the wire and most records are small. */
function withTruncated<T extends EncodedData>(data: T, truncated: boolean): T {
  if (truncated) data.truncated = true;
  return data;
}

/** Turns a raw record into its wire form, decoding key, value and headers with `decodeData`. */
export function toWireRecord(record: RawRecord, maxValueBytes: number): WireRecord {
  let size = (record.key?.length ?? 0) + (record.value?.length ?? 0);
  const headers: WireHeader[] = [];
  for (const header of record.headers) {
    size += Buffer.byteLength(header.key) + (header.value?.length ?? 0);
    headers.push({ key: header.key, value: header.value === null ? null : decodeData(header.value, maxValueBytes) });
  }
  return withRecordFacts(record, {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: record.key === null ? null : decodeData(record.key, maxValueBytes),
    value: record.value === null ? null : decodeData(record.value, maxValueBytes),
    headers,
    size,
  });
}

/**
 * Adds what the batch decoder knew beyond the bytes: whose clock the timestamp is, and the real
 * sizes of a record over a decoding cap (its `size` then counts what Kafka stores, not the cut views).
 */
export function withRecordFacts(record: RawRecord, wire: WireRecord): WireRecord {
  if (record.timestampType) wire.timestampType = record.timestampType;
  const capped = record.capped;
  if (capped) {
    wire.capped = { ...capped };
    if (capped.keyBytes !== undefined) wire.size += capped.keyBytes - (record.key?.length ?? 0);
    if (capped.valueBytes !== undefined) wire.size += capped.valueBytes - (record.value?.length ?? 0);
    if (capped.headerBytes !== undefined) {
      const kept = record.headers.reduce((sum, h) => sum + Buffer.byteLength(h.key) + (h.value?.length ?? 0), 0);
      wire.size += capped.headerBytes - kept;
    }
  }
  return wire;
}
