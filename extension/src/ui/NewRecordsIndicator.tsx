import type { WireRecord } from '@kafka-inspector/shared';
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { LiveEdge } from './use-scroll-anchor';
import './record-tools.css';

/** How many records arrived past `mark` (the record at the live edge when the reader scrolled away). */
export function countNewer(records: WireRecord[], mark: WireRecord, liveEdge: LiveEdge): number {
  const index = records.indexOf(mark);
  // The mark was dropped from the bounded buffer: everything shown is newer than it.
  if (index < 0) return records.length;
  return liveEdge === 'top' ? index : records.length - 1 - index;
}

/**
 * "N new records" while the reader is scrolled away from the live edge; pressing it goes back
 * there (and the view follows new records again).
 */
export function NewRecordsIndicator({ scroller, records, liveEdge, rowHeight }: { scroller: RefObject<HTMLElement | null>; records: WireRecord[]; liveEdge: LiveEdge; rowHeight: number }) {
  const [mark, setMark] = useState<WireRecord | null>(null);
  const latest = useRef(records);
  latest.current = records;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => {
      const { scrollTop, clientHeight, scrollHeight } = element;
      const atEdge = liveEdge === 'top' ? scrollTop < rowHeight / 2 : scrollTop + clientHeight >= scrollHeight - rowHeight / 2;
      const shown = latest.current;
      if (atEdge) setMark(null);
      else setMark((current) => current ?? (liveEdge === 'top' ? shown[0] : shown[shown.length - 1]) ?? null);
    };
    element.addEventListener('scroll', onScroll);
    return () => element.removeEventListener('scroll', onScroll);
  }, [scroller, liveEdge, rowHeight]);

  const count = mark ? countNewer(records, mark, liveEdge) : 0;
  if (count === 0) return null;
  const toEdge = () => {
    const element = scroller.current;
    if (element) element.scrollTop = liveEdge === 'top' ? 0 : element.scrollHeight;
    setMark(null);
  };
  return (
    <button type="button" className={`new-records ${liveEdge}`} onClick={toEdge} data-testid="new-records">
      {liveEdge === 'top' ? '↑' : '↓'} {count.toLocaleString('en-US')} new record{count === 1 ? '' : 's'}
    </button>
  );
}
