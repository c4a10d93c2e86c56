import type { EncodedData, WireRecord } from '@kafka-inspector/shared';

export type ExportFormat = 'ndjson' | 'json' | 'csv';

/** What an exported record looks like: the value as JSON when it is JSON, text otherwise, base64 for bytes. */
function plain(record: WireRecord) {
  const data = (d: EncodedData | null) => (d === null ? null : d.encoding === 'json' && !d.truncated ? (JSON.parse(d.text) as unknown) : d.encoding === 'binary' ? { base64: d.base64 } : d.text);
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: data(record.key),
    value: data(record.value),
    headers: record.headers.map((h) => ({ key: h.key, value: data(h.value) })),
  };
}

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function exportRecords(records: WireRecord[], format: ExportFormat): string {
  switch (format) {
    case 'ndjson':
      return records.map((r) => JSON.stringify(plain(r))).join('\n') + (records.length ? '\n' : '');
    case 'json':
      return `${JSON.stringify(records.map(plain), null, 2)}\n`;
    case 'csv': {
      const rows = records.map((r) => {
        const p = plain(r);
        return [p.topic, p.partition, p.offset, new Date(Number(p.timestamp)).toISOString(), p.key, p.value, p.headers.length ? p.headers : ''].map(csvCell).join(',');
      });
      return `topic,partition,offset,timestamp,key,value,headers\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
    }
  }
}

export const EXPORT_MIME: Record<ExportFormat, string> = { ndjson: 'application/x-ndjson', json: 'application/json', csv: 'text/csv' };
