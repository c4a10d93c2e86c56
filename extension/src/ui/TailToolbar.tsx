import type { WireRecord } from '@kafka-inspector/shared';
import type { RefObject } from 'react';
import { download } from '../bridge/platform';
import { EXPORT_MIME, type ExportFormat, exportRecords } from '../store/export-records';
import { formatCount } from './format';
import { useInspector } from './store-context';

const STATUS_LABEL: Record<string, string> = {
  idle: 'Idle',
  starting: 'Starting…',
  live: 'Live',
  'caught-up': 'Live · caught up',
  paused: 'Paused',
  throttled: 'Throttled: the panel is behind, reading paused',
  error: 'Error',
  ended: 'Ended',
  disconnected: 'Disconnected: resumes where it was once the companion is back',
};

/** Status, counters and controls of the current tail, and the instant filter over what is held. */
export function TailToolbar({ shown, filterRef }: { shown: WireRecord[]; filterRef: RefObject<HTMLInputElement | null> }) {
  const tail = useInspector((s) => s.tail);
  const order = useInspector((s) => s.preferences.order);
  const bufferSize = useInspector((s) => s.preferences.bufferSize);
  const setPreferences = useInspector((s) => s.setPreferences);
  const pauseTail = useInspector((s) => s.pauseTail);
  const resumeTail = useInspector((s) => s.resumeTail);
  const stopTail = useInspector((s) => s.stopTail);
  const clearTail = useInspector((s) => s.clearTail);
  const setQuickFilter = useInspector((s) => s.setQuickFilter);
  const connected = useInspector((s) => s.connection.status === 'open');
  const running = tail.handle !== null && tail.status !== 'ended';
  // While the companion is away the last status is stale: say the tail will resume instead.
  const status = running && !connected ? 'disconnected' : tail.status;
  // One line in the pill: a CEL error's excerpt and caret show under the CEL field instead.
  const error = (typeof tail.error === 'string' ? tail.error : tail.error?.message)?.split('\n', 1)[0];

  const exportAs = (format: ExportFormat) => {
    const name = `${tail.spec?.topic ?? 'records'}-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}`;
    download(name, EXPORT_MIME[format], exportRecords(order === 'newest' ? shown.slice().reverse() : shown, format));
  };

  return (
    <div className="tail-toolbar">
      <span className={`status-pill st-${status}`} data-testid="tail-status" role="status" aria-live="polite" data-status={status} title={tail.message ?? ''}>
        {STATUS_LABEL[status] ?? status}
        {tail.status === 'error' && error ? `: ${error}` : ''}
      </span>
      <span className="counters" data-testid="tail-counters">
        {tail.stats && (
          <>
            <span title="Records the companion read from Kafka">scanned {formatCount(tail.stats.scanned)}</span>
            <span title="Records that matched the server filter">matched {formatCount(tail.stats.matched)}</span>
          </>
        )}
        <span title="Records shown after the quick filter, of those held in the panel (held can include older records loaded by hand)" data-testid="tail-shown">
          shown {formatCount(shown.length)}
          {shown.length !== tail.records.length ? ` of ${formatCount(tail.records.length)}` : ''}
        </span>
        {/* The live rate: before the tail first catches up, records are the backlog read at full speed. */}
        <span title="Live records per second (counted once the tail has caught up with the backlog)" data-testid="tail-rate">
          {tail.caughtUpOnce || !running ? `${formatCount(tail.rate)}/s` : 'reading backlog…'}
        </span>
        {tail.dropped > 0 && (
          <span className="warn" data-testid="tail-dropped" title="The panel keeps a bounded buffer (see preferences)">
            dropped oldest {formatCount(tail.dropped)}
          </span>
        )}
      </span>
      <span className="controls">
        {tail.status === 'paused' ? (
          <button onClick={() => void resumeTail()} disabled={!running || !connected} data-testid="tail-resume">
            Resume
          </button>
        ) : (
          <button onClick={() => void pauseTail()} disabled={!running || !connected} data-testid="tail-pause">
            Pause
          </button>
        )}
        <button onClick={() => void stopTail()} disabled={!running} data-testid="tail-stop">
          Stop
        </button>
        <button onClick={clearTail} disabled={tail.records.length === 0} data-testid="tail-clear">
          Clear
        </button>
      </span>
      <input ref={filterRef} className="search quick-filter" placeholder="Quick filter (Ctrl+F)" aria-label="Quick filter: key, value or headers contain" value={tail.quickFilter} onChange={(e) => setQuickFilter(e.target.value)} data-testid="quick-filter" />
      <button onClick={() => setPreferences({ order: order === 'newest' ? 'oldest' : 'newest' })} title="Order by timestamp" data-testid="tail-order">
        {order === 'newest' ? 'Newest first' : 'Oldest first'}
      </button>
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
    </div>
  );
}
