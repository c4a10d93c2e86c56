import type { WireRecord } from '@kafka-inspector/shared';
import { plainRecord } from './record-shape';

export type ExportFormat = 'ndjson' | 'json' | 'csv';

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const CSV_COLUMNS = ['topic', 'partition', 'offset', 'timestamp', 'timestampMs', 'key', 'value', 'headers', 'size'] as const;

/** Every format writes the one record shape of record-shape.ts (CSV: one column per field, objects as JSON). */
export function exportRecords(records: WireRecord[], format: ExportFormat): string {
  switch (format) {
    case 'ndjson':
      return records.map((r) => JSON.stringify(plainRecord(r))).join('\n') + (records.length ? '\n' : '');
    case 'json':
      return `${JSON.stringify(records.map(plainRecord), null, 2)}\n`;
    case 'csv': {
      const rows = records.map((r) => {
        const p = plainRecord(r);
        return CSV_COLUMNS.map((column) => csvCell(column === 'headers' && p.headers.length === 0 ? '' : p[column])).join(',');
      });
      return `${CSV_COLUMNS.join(',')}\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
    }
  }
}

export const EXPORT_MIME: Record<ExportFormat, string> = { ndjson: 'application/x-ndjson', json: 'application/json', csv: 'text/csv' };
