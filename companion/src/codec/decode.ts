import type { EncodedData, WireRecord } from '@kafka-inspector/shared';
import type { RawRecord } from '../kafka/gateway';

/**
 * Decodes bytes for the wire without loss: valid UTF-8 becomes `text` (or `json` when it parses),
 * anything else `binary` (base64). Bytes past `maxBytes` are cut (on a UTF-8 boundary for text)
 * and flagged `truncated`; `size` always reports the original length.
 */
export function decodeData(bytes: Buffer, maxBytes: number): EncodedData {
  throw new Error('not implemented');
}

/** Turns a raw record into its wire form, decoding key, value and headers with `decodeData`. */
export function toWireRecord(record: RawRecord, maxValueBytes: number): WireRecord {
  throw new Error('not implemented');
}
