import type { WireRecord } from '@kafka-inspector/shared';
import type { RefObject } from 'react';
import { BufferExport } from './BufferExport';
import { Icon } from './Icon';
import { useInspector } from './store-context';
import { TailCounters } from './TailCounters';

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

/** A narrow toolbar's pill says the status in a word; the whole sentence is its title. */
const SHORT_LABEL: Record<string, string> = { 'caught-up': 'Caught up', throttled: 'Throttled', disconnected: 'Disconnected' };

/** The narrow toolbar's "More tail tools" disclosure: whether it is open, and what it shows. */
export interface MoreTools {
  open: boolean;
  toggle(): void;
  /** The id of the element it shows and hides. */
  controls: string;
}

/**
 * Status, counters and controls of the current tail, and the instant filter over what is held.
 * `more` (a narrow panel): one line of icon buttons, each named; the full counters, buffer, export
 * and the go-to row sit behind "More tail tools".
 */
export function TailToolbar({ shown, filterRef, more }: { shown: WireRecord[]; filterRef: RefObject<HTMLInputElement | null>; more?: MoreTools }) {
  const tail = useInspector((s) => s.tail);
  const order = useInspector((s) => s.preferences.order);
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
  const compact = more !== undefined;
  const label = `${STATUS_LABEL[status] ?? status}${tail.status === 'error' && error ? `: ${error}` : ''}`;
  const shortLabel = `${SHORT_LABEL[status] ?? STATUS_LABEL[status] ?? status}${tail.status === 'error' && error ? `: ${error}` : ''}`;
  const orderName = order === 'newest' ? 'Newest first' : 'Oldest first';

  return (
    <div className={`tail-toolbar${compact ? ' compact' : ''}`}>
      <span className={`status-pill st-${status}`} data-testid="tail-status" role="status" aria-live="polite" data-status={status} title={tail.message ?? (compact ? label : '')}>
        {compact && shortLabel !== label ? (
          <>
            <span aria-hidden="true">{shortLabel}</span>
            <span className="visually-hidden">{label}</span>
          </>
        ) : (
          label
        )}
      </span>
      <TailCounters shown={shown} part={compact ? 'short' : 'all'} />
      <span className="controls">
        {tail.status === 'paused' ? (
          <button onClick={() => void resumeTail()} disabled={!running || !connected} data-testid="tail-resume" aria-label={compact ? 'Resume' : undefined} title={compact ? 'Resume' : undefined}>
            {compact ? <Icon name="play" /> : 'Resume'}
          </button>
        ) : (
          <button onClick={() => void pauseTail()} disabled={!running || !connected} data-testid="tail-pause" aria-label={compact ? 'Pause' : undefined} title={compact ? 'Pause' : undefined}>
            {compact ? <Icon name="pause" /> : 'Pause'}
          </button>
        )}
        <button onClick={() => void stopTail()} disabled={!running} data-testid="tail-stop" aria-label={compact ? 'Stop' : undefined} title={compact ? 'Stop' : undefined}>
          {compact ? <Icon name="stop" /> : 'Stop'}
        </button>
        <button onClick={clearTail} disabled={tail.records.length === 0} data-testid="tail-clear" aria-label={compact ? 'Clear' : undefined} title={compact ? 'Clear the records held' : undefined}>
          {compact ? '⌫' : 'Clear'}
        </button>
      </span>
      <input ref={filterRef} className="search quick-filter" placeholder={compact ? 'Quick filter' : 'Quick filter (Ctrl+F)'} aria-label="Quick filter: key, value or headers contain" value={tail.quickFilter} onChange={(e) => setQuickFilter(e.target.value)} data-testid="quick-filter" />
      <button onClick={() => setPreferences({ order: order === 'newest' ? 'oldest' : 'newest' })} title={`Order by timestamp: ${orderName.toLowerCase()}`} aria-label={compact ? orderName : undefined} data-testid="tail-order">
        {compact ? (order === 'newest' ? '↑' : '↓') : orderName}
      </button>
      {more ? (
        <button type="button" className={more.open ? 'on' : ''} aria-expanded={more.open} aria-controls={more.controls} aria-label="More tail tools" title="Counters, buffer size, export, go to a record, load older" onClick={more.toggle} data-testid="tail-more">
          ⋯
        </button>
      ) : (
        <BufferExport shown={shown} />
      )}
    </div>
  );
}
