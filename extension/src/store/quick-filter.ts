import type { EncodedData, WireRecord } from '@kafka-inspector/shared';

const haystacks = new WeakMap<WireRecord, string>();

const textOf = (data: EncodedData | null) => (data === null ? '' : data.encoding === 'binary' ? data.base64 : data.text);

/** Lower-cased key, value and headers of a record, computed once per record. */
function haystack(record: WireRecord): string {
  let text = haystacks.get(record);
  if (text === undefined) {
    text = [textOf(record.key), textOf(record.value), ...record.headers.map((h) => `${h.key}=${textOf(h.value)}`), `${record.partition}:${record.offset}`].join('\u0000').toLowerCase();
    haystacks.set(record, text);
  }
  return text;
}

/** The instant filter over what the panel holds: a case-insensitive substring of key, value or headers. */
export function quickFilter(records: WireRecord[], query: string): WireRecord[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return records;
  return records.filter((record) => haystack(record).includes(needle));
}
