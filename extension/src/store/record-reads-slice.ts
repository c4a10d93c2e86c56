import { RECORDS_BEFORE_MAX, type WireRecord } from '@kafka-inspector/shared';
import { olderRequests, withOlderRecords } from './older-records';
import type { Slice } from './types';
import { errorText } from './types';

/** A record by coordinates, as a link or "Open" names it. */
export interface RecordCoordinates {
  topic: string;
  partition: number;
  offset: string;
}

export type FullRead = { status: 'loading' } | { status: 'loaded'; record: WireRecord } | { status: 'error'; error: string };

export interface RecordReadsState {
  /** Whole records read with `recordGet`, by fullKey. */
  full: Record<string, FullRead>;
  /** A record opened by coordinates (Open, a link): shown in the detail pane. */
  opened: WireRecord | null;
  opening: RecordCoordinates | null;
  openError: string | null;
  /** `lows`: log starts learnt per partition, for the tail `tailKey` (another tail's do not apply). */
  older: { loading: boolean; error: string | null; message: string | null; lows: Record<string, string>; tailKey: number | null };
}

export interface RecordReadsSlice {
  reads: RecordReadsState;
  /** Reads the record whole (its value may be past the tail's preview); resolves with it, or null on failure. */
  loadFullRecord(record: RecordCoordinates): Promise<WireRecord | null>;
  openRecordAt(at: RecordCoordinates): Promise<void>;
  closeOpenedRecord(): void;
  /** Reads up to `count` records per partition before the first one held, into the tail's buffer. */
  loadOlder(count?: number): Promise<void>;
  resetReads(): void;
}

export const fullKey = (r: RecordCoordinates) => `${r.topic}/${r.partition}/${r.offset}`;

export const initialReads = (): RecordReadsState => ({ full: {}, opened: null, opening: null, openError: null, older: { loading: false, error: null, message: null, lows: {}, tailKey: null } });

export const createRecordReadsSlice: Slice<RecordReadsSlice> = (bridge) => (set, get) => {
  const patch = (change: Partial<RecordReadsState>) => set((state) => ({ reads: { ...state.reads, ...change } }));
  const setFull = (key: string, read: FullRead) => set((state) => ({ reads: { ...state.reads, full: { ...state.reads.full, [key]: read } } }));
  const read = (at: RecordCoordinates) => bridge.request({ type: 'recordGet', topic: at.topic, partition: at.partition, offset: at.offset });
  return {
    reads: initialReads(),
    async loadFullRecord(at) {
      const key = fullKey(at);
      const known = get().reads.full[key];
      if (known?.status === 'loaded') return known.record;
      setFull(key, { status: 'loading' });
      try {
        const { record } = await read(at);
        setFull(key, { status: 'loaded', record });
        return record;
      } catch (error) {
        setFull(key, { status: 'error', error: errorText(error) });
        return null;
      }
    },
    async openRecordAt(at) {
      patch({ opening: at, openError: null });
      try {
        const { record } = await read(at);
        if (get().reads.opening !== at) return; // a newer open took over
        get().selectRecord(null);
        set((state) => ({ reads: { ...state.reads, opened: record, opening: null, full: { ...state.reads.full, [fullKey(record)]: { status: 'loaded', record } } } }));
        get().setActiveTab('tail');
      } catch (error) {
        if (get().reads.opening === at) patch({ opening: null, openError: errorText(error) });
      }
    },
    closeOpenedRecord: () => patch({ opened: null, openError: null }),
    async loadOlder(count = 100) {
      const { handle, spec, records } = get().tail;
      if (!handle || !spec) return;
      const known = get().reads.older.tailKey === handle.key ? get().reads.older.lows : {};
      const wanted = olderRequests(handle.starts, records, known);
      if (wanted.length === 0) {
        patch({ older: { ...get().reads.older, message: 'Nothing older: every partition is at its log start.' } });
        return;
      }
      patch({ older: { ...get().reads.older, loading: true, error: null, message: null } });
      try {
        const per = Math.min(count, RECORDS_BEFORE_MAX);
        const results = await Promise.all(wanted.map((w) => bridge.request({ type: 'recordsBefore', topic: spec.topic, partition: w.partition, before: w.before, count: per })));
        const lows = { ...known };
        results.forEach((r, i) => (lows[wanted[i]!.partition] = r.low));
        const older = results.flatMap((r) => r.records);
        // Only if the same tail is still shown: a newer one holds other records.
        if (get().tail.handle?.key !== handle.key) {
          patch({ older: { ...get().reads.older, loading: false } });
          return;
        }
        const merged = withOlderRecords(get().tail, older, get().preferences.bufferSize);
        set((state) => ({ tail: { ...state.tail, records: merged.records } }));
        const message = older.length === 0 ? 'Nothing older was found.' : `Loaded ${older.length - merged.notLoaded} older record${older.length - merged.notLoaded === 1 ? '' : 's'}${merged.notLoaded ? `; ${merged.notLoaded} did not fit the buffer (raise "keep" to hold more)` : ''}.`;
        patch({ older: { loading: false, error: null, message, lows, tailKey: handle.key } });
      } catch (error) {
        patch({ older: { ...get().reads.older, loading: false, error: errorText(error) } });
      }
    },
    resetReads: () => set({ reads: initialReads() }),
  };
};
