import type { StatsFrame, TailStatus, WireError } from '@kafka-inspector/shared';
import type { StreamFrame, TailHandle, TailSpec } from '../bridge/client';
import { appendRecords, emptyHeld, type Held } from './record-buffer';
import type { Slice } from './types';
import { errorText } from './types';

export interface TailState extends Held {
  handle: TailHandle | null;
  spec: TailSpec | null;
  status: TailStatus | 'idle' | 'starting';
  message: string | null;
  error: WireError | string | null;
  stats: Pick<StatsFrame, 'scanned' | 'matched' | 'sent'> | null;
  /** Records received per second, over the last few seconds. */
  rate: number;
  arrivals: Array<{ at: number; count: number }>;
  quickFilter: string;
  selected: string | null;
}

export interface TailSlice {
  tail: TailState;
  startTail(spec: TailSpec): Promise<void>;
  pauseTail(): Promise<void>;
  resumeTail(): Promise<void>;
  stopTail(): Promise<void>;
  clearTail(): void;
  setQuickFilter(query: string): void;
  selectRecord(key: string | null): void;
  /** Applies one stream frame: one `set`, whatever the batch size. */
  applyStreamFrame(handle: TailHandle, frame: StreamFrame, now?: number): void;
}

const RATE_WINDOW_MS = 3000;

export const initialTail = (): TailState => ({
  ...emptyHeld(),
  handle: null,
  spec: null,
  status: 'idle',
  message: null,
  error: null,
  stats: null,
  rate: 0,
  arrivals: [],
  quickFilter: '',
  selected: null,
});

export const createTailSlice: Slice<TailSlice> = (bridge) => (set, get) => {
  bridge.onStream = (handle, frame) => get().applyStreamFrame(handle, frame);
  const patch = (change: Partial<TailState>) => set((state) => ({ tail: { ...state.tail, ...change } }));
  return {
    tail: initialTail(),
    async startTail(spec) {
      const previous = get().tail.handle;
      if (previous) await bridge.stopTail(previous);
      set((state) => ({ tail: { ...initialTail(), quickFilter: state.tail.quickFilter, spec, status: 'starting' } }));
      try {
        const handle = await bridge.startTail(spec);
        patch({ handle, status: get().tail.status === 'starting' ? 'live' : get().tail.status });
      } catch (error) {
        patch({ status: 'error', error: errorText(error) });
      }
    },
    async pauseTail() {
      const { handle } = get().tail;
      if (handle?.streamId) await bridge.request({ type: 'tailPause', streamId: handle.streamId }).catch((error: unknown) => patch({ error: errorText(error) }));
    },
    async resumeTail() {
      const { handle } = get().tail;
      if (handle?.streamId) await bridge.request({ type: 'tailResume', streamId: handle.streamId }).catch((error: unknown) => patch({ error: errorText(error) }));
    },
    async stopTail() {
      const { handle } = get().tail;
      if (!handle) return;
      await bridge.stopTail(handle);
      patch({ handle: null, status: 'ended', message: 'stopped' });
    },
    clearTail: () => patch({ ...emptyHeld(), next: get().tail.next, selected: null }),
    setQuickFilter: (quickFilter) => patch({ quickFilter }),
    selectRecord: (selected) => patch({ selected }),
    applyStreamFrame(handle, frame, now = Date.now()) {
      const tail = get().tail;
      if (tail.handle && tail.handle.key !== handle.key) return;
      switch (frame.type) {
        case 'records': {
          const held = appendRecords(tail, frame.records, get().preferences.bufferSize);
          for (const record of frame.records) bridge.noteHeld(handle, record.partition, record.offset);
          const arrivals = [...tail.arrivals.filter((a) => now - a.at < RATE_WINDOW_MS), { at: now, count: frame.records.length }];
          const rate = Math.round((arrivals.reduce((sum, a) => sum + a.count, 0) * 1000) / RATE_WINDOW_MS);
          set({ tail: { ...tail, ...held, arrivals, rate } });
          return;
        }
        case 'status':
          set({ tail: { ...tail, status: frame.status, message: frame.message ?? null, error: frame.error ?? (frame.status === 'error' ? tail.error : null), ...(frame.status === 'ended' ? { handle: null } : {}) } });
          return;
        case 'stats': {
          const { scanned, matched, sent } = frame;
          const rate = tail.arrivals.some((a) => now - a.at < RATE_WINDOW_MS) ? tail.rate : 0;
          set({ tail: { ...tail, stats: { scanned, matched, sent }, rate } });
          return;
        }
      }
    },
  };
};
