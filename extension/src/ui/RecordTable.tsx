import type { WireRecord } from '@kafka-inspector/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { recordKey } from '../store/record-buffer';
import { formatBytes, formatTime, preview } from './format';
import { useInspector } from './store-context';
import { type LiveEdge, useScrollAnchor } from './use-scroll-anchor';

const ROW_HEIGHT = 24;

/**
 * Virtualised: only the visible rows exist in the DOM, every row has the same height, and rows the
 * reader scrolled to stay put while records stream in (no jumps).
 */
export function RecordTable({ records, liveEdge }: { records: WireRecord[]; liveEdge: LiveEdge }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const onScroll = useScrollAnchor(parentRef, records, ROW_HEIGHT, liveEdge);
  const selected = useInspector((s) => s.tail.selected);
  const select = useInspector((s) => s.selectRecord);
  const status = useInspector((s) => s.tail.status);
  const virtualizer = useVirtualizer({ count: records.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = records.findIndex((r) => recordKey(r) === selected);
    const next = records[Math.max(0, Math.min(records.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      select(recordKey(next));
      virtualizer.scrollToIndex(records.indexOf(next));
    }
  };

  return (
    <section className="pane records-pane">
      <div className="record-row head" role="row">
        <span className="c-time">Time</span>
        <span className="c-part">P</span>
        <span className="c-off">Offset</span>
        <span className="c-key">Key</span>
        <span className="c-val">Value</span>
        <span className="c-hdr" title="Headers">H</span>
        <span className="c-size">Size</span>
      </div>
      <div ref={parentRef} className="records-scroll" tabIndex={0} onKeyDown={onKeyDown} onScroll={onScroll} data-testid="records-scroll">
        {records.length === 0 ? (
          <p className="empty">{status === 'idle' ? 'Pick a topic and press Start to tail it.' : 'Waiting for records…'}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const record = records[item.index]!;
              const key = recordKey(record);
              return (
                <div
                  // Keyed by position, not record: while records stream in, the same row elements
                  // take new content instead of being removed and created every frame.
                  key={item.key}
                  role="row"
                  className={`record-row${key === selected ? ' selected' : ''}${record.value === null ? ' tombstone' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => select(key === selected ? null : key)}
                  data-testid="record-row"
                  data-key={key}
                >
                  <span className="c-time">{formatTime(record.timestamp)}</span>
                  <span className="c-part">{record.partition}</span>
                  <span className="c-off">{record.offset}</span>
                  <span className={`c-key enc-${record.key?.encoding ?? 'null'}`}>{preview(record.key, 60)}</span>
                  <span className={`c-val enc-${record.value?.encoding ?? 'null'}`}>{record.value === null ? 'tombstone' : preview(record.value)}</span>
                  <span className="c-hdr">{record.headers.length || ''}</span>
                  <span className="c-size">{formatBytes(record.size)}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
