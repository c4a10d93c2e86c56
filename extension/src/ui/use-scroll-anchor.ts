import type { WireRecord } from '@kafka-inspector/shared';
import { type RefObject, useCallback, useLayoutEffect, useRef } from 'react';

/** Where records arrive: at the top when newest come first, at the bottom when oldest do. */
export type LiveEdge = 'top' | 'bottom';

/**
 * Keeps what the reader is looking at in place while records stream in. At the live edge the view
 * follows new records (it stays at the top, or sticks to the bottom); scrolled away from it, the
 * record at the top of the view stays there, however many arrive or are dropped around it.
 * Returns the scroll handler that remembers where the reader is.
 */
export function useScrollAnchor(scroller: RefObject<HTMLElement | null>, records: WireRecord[], rowHeight: number, liveEdge: LiveEdge): () => void {
  const atEdge = useRef(true);
  const anchor = useRef<{ record: WireRecord; offset: number } | null>(null);
  const shown = useRef(records);

  const remember = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const { scrollTop, clientHeight, scrollHeight } = element;
    atEdge.current = liveEdge === 'top' ? scrollTop < rowHeight / 2 : scrollTop + clientHeight >= scrollHeight - rowHeight / 2;
    const index = Math.floor(scrollTop / rowHeight);
    const record = shown.current[index];
    anchor.current = record ? { record, offset: scrollTop - index * rowHeight } : null;
  }, [scroller, rowHeight, liveEdge]);

  // Before paint, so the reader never sees the rows move.
  useLayoutEffect(() => {
    shown.current = records;
    const element = scroller.current;
    if (!element) return;
    if (atEdge.current) {
      if (liveEdge === 'bottom') element.scrollTop = element.scrollHeight;
      return;
    }
    // Records are the same objects from frame to frame, so identity finds the anchor.
    const index = anchor.current ? records.indexOf(anchor.current.record) : -1;
    if (index >= 0) element.scrollTop = index * rowHeight + anchor.current!.offset;
  }, [records, scroller, rowHeight, liveEdge]);

  return remember;
}
