import { useEffect, useMemo, useRef, useState } from 'react';
import { quickFilter } from '../store/quick-filter';
import { recordKey } from '../store/record-buffer';
import { JumpToOffset } from './JumpToOffset';
import { RecordDetail } from './RecordDetail';
import { RecordTable } from './RecordTable';
import { useInspector } from './store-context';
import { TailForm } from './TailForm';
import { TailToolbar } from './TailToolbar';
import { BufferExport } from './BufferExport';
import { TailCounters } from './TailCounters';
import { NARROW_FORM, useNarrow } from './use-narrow';

export function TailView() {
  const records = useInspector((s) => s.tail.records);
  const query = useInspector((s) => s.tail.quickFilter);
  const order = useInspector((s) => s.preferences.order);
  const selected = useInspector((s) => s.tail.selected);
  const opened = useInspector((s) => s.reads.opened);
  const setQuery = useInspector((s) => s.setQuickFilter);
  const filterRef = useRef<HTMLInputElement>(null);
  // Narrow (DevTools docked at the side), the table needs the height: the go-to row, full counters,
  // buffer and export fold behind the toolbar's "More tail tools".
  const narrow = useNarrow(NARROW_FORM);
  const [moreOpen, setMoreOpen] = useState(false);

  // Held records are oldest-first; the view filters then reverses without touching the store.
  const shown = useMemo(() => {
    const filtered = quickFilter(records, query);
    return order === 'newest' ? filtered.slice().reverse() : filtered;
  }, [records, query, order]);
  const selectedRecord = useMemo(() => (selected ? records.find((r) => recordKey(r) === selected) : undefined), [records, selected]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f' && filterRef.current?.offsetParent) {
        event.preventDefault();
        filterRef.current.focus();
        filterRef.current.select();
      } else if (event.key === 'Escape' && document.activeElement === filterRef.current) {
        setQuery('');
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [setQuery]);

  return (
    <div className="tail-view">
      <TailForm />
      {narrow ? (
        <>
          <TailToolbar shown={shown} filterRef={filterRef} more={{ open: moreOpen, toggle: () => setMoreOpen((open) => !open), controls: 'tail-more-tools' }} />
          <div id="tail-more-tools" className="tail-more-tools" hidden={!moreOpen} data-testid="tail-more-tools">
            <div className="tail-more-row">
              <TailCounters shown={shown} part="rest" />
              <BufferExport shown={shown} />
            </div>
            <JumpToOffset />
          </div>
        </>
      ) : (
        <>
          <TailToolbar shown={shown} filterRef={filterRef} />
          <JumpToOffset />
        </>
      )}
      <div className="split tail-split">
        <RecordTable records={shown} liveEdge={order === 'newest' ? 'top' : 'bottom'} />
        {/* A record opened by coordinates (Open record, a link) shows until a row is picked. */}
        {(selectedRecord ?? opened) && <RecordDetail record={(selectedRecord ?? opened)!} />}
      </div>
    </div>
  );
}
