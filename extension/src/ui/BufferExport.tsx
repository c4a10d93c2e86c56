import type { WireRecord } from '@kafka-inspector/shared';
import { download } from '../bridge/platform';
import { EXPORT_MIME, type ExportFormat, exportRecords } from '../store/export-records';
import { formatCount } from './format';
import { useInspector } from './store-context';

/** How many records the panel keeps, and the export of what is shown (oldest first, whatever the order). */
export function BufferExport({ shown }: { shown: WireRecord[] }) {
  const topic = useInspector((s) => s.tail.spec?.topic);
  const order = useInspector((s) => s.preferences.order);
  const bufferSize = useInspector((s) => s.preferences.bufferSize);
  const setPreferences = useInspector((s) => s.setPreferences);

  const exportAs = (format: ExportFormat) => {
    const name = `${topic ?? 'records'}-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}`;
    download(name, EXPORT_MIME[format], exportRecords(order === 'newest' ? shown.slice().reverse() : shown, format));
  };

  return (
    <>
      <select value={bufferSize} onChange={(e) => setPreferences({ bufferSize: Number(e.target.value) })} title="How many records the panel keeps; the oldest go first" data-testid="tail-buffer" aria-label="Buffer size">
        {[10_000, 50_000, 100_000, 250_000].map((size) => (
          <option key={size} value={size}>
            keep {formatCount(size)}
          </option>
        ))}
      </select>
      <select value="" onChange={(e) => e.target.value && exportAs(e.target.value as ExportFormat)} disabled={shown.length === 0} data-testid="tail-export" aria-label="Export">
        <option value="">Export…</option>
        <option value="ndjson">NDJSON</option>
        <option value="json">JSON</option>
        <option value="csv">CSV</option>
      </select>
    </>
  );
}
