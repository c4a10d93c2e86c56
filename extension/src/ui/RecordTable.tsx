import type { WireRecord } from '@kafka-inspector/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { recordKey } from '../store/record-buffer';
import { formatBytes, preview } from './format';
import { NewRecordsIndicator } from './NewRecordsIndicator';
import { Highlight } from './Highlight';
import { useInspector } from './store-context';
import { TimeText, TimeZoneToggle } from './TimeText';
import { type LiveEdge, useScrollAnchor } from './use-scroll-anchor';
import { shownData } from '../store/decoded-view';
import { NARROW_TABLE, useNarrow } from './use-narrow';
import { cappedFacts } from './record-facts';

const ROW_HEIGHT = 24;
const rowId = (key: string) => `record-${key.replace(/[^\w-]/g, '-')}`;

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
  const narrow = useNarrow(NARROW_TABLE);
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
    // The APG grid with aria-activedescendant: the grid holds focus, arrows move the selected row.
    <div className="pane records-pane" role="grid" aria-label="Records" aria-rowcount={records.length + 1} aria-activedescendant={selected ? rowId(selected) : undefined} tabIndex={0} onKeyDown={onKeyDown} data-testid="records-grid">
      <div className="record-row head" role="row" aria-rowindex={1}>
        <span role="columnheader" className="c-time">
          <TimeZoneToggle />
        </span>
        <span role="columnheader" className="c-part">P</span>
        <span role="columnheader" className="c-off">Offset</span>
        <span role="columnheader" className="c-key">Key</span>
        <span role="columnheader" className="c-val">Value</span>
        <span role="columnheader" className="c-hdr" title="Headers">H</span>
        <span role="columnheader" className="c-size">Size</span>
      </div>
      <div ref={parentRef} className="records-scroll" role="rowgroup" onScroll={onScroll} data-testid="records-scroll">
        {records.length === 0 ? (
          <p className="empty">{status === 'idle' ? 'Pick a topic and press Start to tail it.' : 'Waiting for records…'}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const record = records[item.index]!;
              const key = recordKey(record);
              return (
                // Keyboard: the grid's arrows (aria-activedescendant); a click also focuses the row, in the grid.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <div
                  // Keyed by position, not record: while records stream in, the same row elements
                  // take new content instead of being removed and created every frame.
                  key={item.key}
                  role="row"
                  id={rowId(key)}
                  tabIndex={-1}
                  aria-selected={key === selected}
                  aria-rowindex={item.index + 2}
                  className={`record-row${key === selected ? ' selected' : ''}${record.value === null ? ' tombstone' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => select(key === selected ? null : key)}
                  data-testid="record-row"
                  data-key={key}
                >
                  <span role="gridcell" className="c-time">
                    <TimeText timestamp={record.timestamp} type={record.timestampType} narrow={narrow} />
                  </span>
                  <span role="gridcell" className="c-part">{record.partition}</span>
                  <span role="gridcell" className="c-off">{record.offset}</span>
                  <span role="gridcell" className={`c-key enc-${record.key?.encoding ?? 'null'}`}><Highlight text={preview(record.key && shownData(record.key), 60)} /></span>
                  <span role="gridcell" className={`c-val enc-${record.value?.encoding ?? 'null'}`}>
                    {record.capped && <CappedFlag facts={cappedFacts(record)} />}
                    {record.value === null ? 'tombstone' : <Highlight text={preview(shownData(record.value))} />}
                  </span>
                  <span role="gridcell" className="c-hdr">{record.headers.length || ''}</span>
                  <span role="gridcell" className="c-size">{formatBytes(record.size)}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <NewRecordsIndicator scroller={parentRef} records={records} liveEdge={liveEdge} rowHeight={ROW_HEIGHT} />
    </div>
  );
}

/** A record read only in part (over a decoding cap): a mark in its row, its facts as the name. */
function CappedFlag({ facts }: { facts: string[] }) {
  const name = `Capped: ${facts.join('; ')}`;
  return (
    <span className="capped-flag" role="img" aria-label={name} title={name} data-testid="capped-flag">
      ✂
    </span>
  );
}
