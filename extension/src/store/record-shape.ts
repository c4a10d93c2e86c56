import type { EncodedData, WireRecord } from '@kafka-inspector/shared';

/**
 * A key, value or header value as copied and exported: the parsed JSON when it is JSON, the string
 * when it is text, `{ base64 }` for bytes that are not UTF-8, and `{ preview, truncated, size }`
 * when only the head was loaded (never passed off as the whole value). null stays null.
 */
export type PlainData = unknown;

/** The one record shape of "Copy record JSON", NDJSON, JSON and CSV (README, "Record shape"). */
export interface PlainRecord {
  topic: string;
  partition: number;
  offset: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  /** Milliseconds since the epoch, as a decimal string (64-bit, like the offset). */
  timestampMs: string;
  key: PlainData;
  value: PlainData;
  headers: Array<{ key: string; value: PlainData }>;
  /** Key + value + header bytes as stored in Kafka. */
  size: number;
}

export function plainData(data: EncodedData | null): PlainData {
  if (data === null) return null;
  if (data.truncated) return { preview: data.encoding === 'binary' ? { base64: data.base64 } : data.text, truncated: true, size: data.size };
  if (data.encoding === 'binary') return { base64: data.base64 };
  if (data.encoding === 'json') {
    try {
      return JSON.parse(data.text) as unknown;
    } catch {
      return data.text;
    }
  }
  return data.text;
}

export function isoTime(timestampMs: string): string {
  const date = new Date(Number(timestampMs));
  return Number.isNaN(date.getTime()) ? timestampMs : date.toISOString();
}

export function plainRecord(record: WireRecord): PlainRecord {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: isoTime(record.timestamp),
    timestampMs: record.timestamp,
    key: plainData(record.key),
    value: plainData(record.value),
    headers: record.headers.map((h) => ({ key: h.key, value: plainData(h.value) })),
    size: record.size,
  };
}

/** True when some part of the record is only a preview. */
export const hasPreview = (record: WireRecord) => [record.key, record.value, ...record.headers.map((h) => h.value)].some((d) => d?.truncated === true);
