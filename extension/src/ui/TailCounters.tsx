import type { WireRecord } from '@kafka-inspector/shared';
import { formatCount } from './format';
import { useInspector } from './store-context';

/**
 * The tail's counters. A narrow panel splits them: its toolbar says only what is shown (and what
 * was dropped), the rest in that title (`short`); the scanned, matched and rate line (`rest`) sits
 * behind the toolbar's "More tail tools".
 */
export function TailCounters({ shown, part = 'all' }: { shown: WireRecord[]; part?: 'all' | 'short' | 'rest' }) {
  const tail = useInspector((s) => s.tail);
  const running = tail.handle !== null && tail.status !== 'ended';
  const held = shown.length !== tail.records.length ? ` of ${formatCount(tail.records.length)}` : '';
  const stats = tail.stats ? `scanned ${formatCount(tail.stats.scanned)}, matched ${formatCount(tail.stats.matched)}, ` : '';
  // The live rate: before the tail first catches up, records are the backlog read at full speed.
  const rate = tail.caughtUpOnce || !running ? `${formatCount(tail.rate)}/s` : 'reading backlog…';
  return (
    <span className="counters" data-testid={part === 'rest' ? 'tail-more-counters' : 'tail-counters'}>
      {tail.stats && part !== 'short' && (
        <>
          <span title="Records the companion read from Kafka">scanned {formatCount(tail.stats.scanned)}</span>
          <span title="Records that matched the server filter">matched {formatCount(tail.stats.matched)}</span>
        </>
      )}
      {part !== 'rest' && (
        <span title={part === 'short' ? `${stats}shown ${formatCount(shown.length)}${held}, ${rate}` : 'Records shown after the quick filter, of those held in the panel (held can include older records loaded by hand)'} data-testid="tail-shown">
          shown {formatCount(shown.length)}
          {held}
        </span>
      )}
      {part !== 'short' && (
        <span title="Live records per second (counted once the tail has caught up with the backlog)" data-testid="tail-rate">
          {rate}
        </span>
      )}
      {tail.dropped > 0 && part !== 'rest' && (
        <span className="warn" data-testid="tail-dropped" title="The panel keeps a bounded buffer (see preferences)">
          dropped oldest {formatCount(tail.dropped)}
        </span>
      )}
    </span>
  );
}
