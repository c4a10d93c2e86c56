import { RequestFailed } from '../bridge/client';
import type { StatsFrame, TailStatus, WireError, WireRecord } from '@kafka-inspector/shared';
import type { StreamFrame, TailHandle, TailSpec } from '../bridge/client';
import { createFrameQueue } from './frame-queue';
import { appendRecords, emptyHeld, type Held } from './record-buffer';
import { type StreamCounts, withRecordsCounted, withStreamCounts } from './tail-counters';
import type { Slice } from './types';
import { errorText } from './types';

export interface TailState extends Held {
  handle: TailHandle | null;
  spec: TailSpec | null;
  status: TailStatus | 'idle' | 'starting';
  message: string | null;
  error: WireError | string | null;
  stats: Pick<StatsFrame, 'scanned' | 'matched' | 'sent'> | null;
  /** Counters per stream id of this tail (a reconnect adds one): `stats` is their sum. */
  streamStats: Record<string, StreamCounts>;
  /**
   * The tail has reached the end of every partition once: from then on `rate` is the live rate;
   * before it, records are the backlog and the rate would only measure how fast it is read.
   */
  caughtUpOnce: boolean;
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
  /** A stream frame from the bridge (wired in `wireBridge`): queued, it lands on the next animation frame. */
  receiveStreamFrame(handle: TailHandle, frame: StreamFrame): void;
  /** The bridge started the tail again after a reconnect, under a new stream id. */
  tailResumed(handle: TailHandle): void;
  /** Applies stream frames in order with one `set`, however many frames and records. */
  applyStreamFrames(frames: QueuedFrame[], now?: number): void;
}

export interface QueuedFrame {
  handle: TailHandle;
  frame: StreamFrame;
}

const RATE_WINDOW_MS = 3000;
/** A hidden panel gets no animation frames: records still land at least this often. */
const MAX_FRAME_DELAY_MS = 100;

export const initialTail = (): TailState => ({
  ...emptyHeld(),
  handle: null,
  spec: null,
  status: 'idle',
  message: null,
  error: null,
  stats: null,
  streamStats: {},
  caughtUpOnce: false,
  rate: 0,
  arrivals: [],
  quickFilter: '',
  selected: null,
});

export const createTailSlice: Slice<TailSlice> = (bridge) => (set, get) => {
  // Frames wait for the next animation frame and land together: one store update and one render
  // per screen frame, not per socket message (a busy tail sends hundreds a second).
  const queue = createFrameQueue<QueuedFrame>((frames) => get().applyStreamFrames(frames), {
    maxRecords: 10_000,
    maxDelayMs: MAX_FRAME_DELAY_MS,
  });
  const patch = (change: Partial<TailState>) => set((state) => ({ tail: { ...state.tail, ...change } }));
  // Bumped by every start and stop: a reply that arrives after a newer start or stop changes nothing,
  // and a tail whose start was superseded is stopped as soon as its handle arrives.
  let generation = 0;
  return {
    tail: initialTail(),
    async startTail(spec) {
      const mine = ++generation;
      const previous = get().tail.handle;
      if (previous) await bridge.stopTail(previous);
      if (mine !== generation) return; // a newer start or stop took over while the previous one stopped
      queue.flush();
      set((state) => ({ tail: startingTail(state.tail, spec) }));
      let handle: TailHandle;
      try {
        handle = await bridge.startTail(spec);
      } catch (error) {
        // A refused filter keeps its WireError: the form shows INVALID_FILTER's range under the CEL field.
        if (mine === generation) patch({ status: 'error', error: error instanceof RequestFailed ? error.error : errorText(error) });
        return;
      }
      if (mine !== generation) return bridge.stopTail(handle);
      set((state) => ({ tail: withTailStarted(state.tail, handle) }));
    },
    async pauseTail() {
      const { handle } = get().tail;
      if (handle) await bridge.controlTail(handle, 'tailPause').catch((error: unknown) => patch({ error: errorText(error) }));
    },
    async resumeTail() {
      const { handle } = get().tail;
      if (handle) await bridge.controlTail(handle, 'tailResume').catch((error: unknown) => patch({ error: errorText(error) }));
    },
    async stopTail() {
      generation++; // a start still waiting for its handle stops that tail when the handle arrives
      const { handle, status } = get().tail;
      if (!handle) {
        if (status === 'starting') patch({ status: 'ended', message: 'stopped' });
        return;
      }
      await bridge.stopTail(handle);
      queue.flush(); // what arrived before the stop is shown
      set((state) => ({ tail: withTailStopped(state.tail, handle) }));
    },
    clearTail: () => patch({ ...emptyHeld(), next: get().tail.next, selected: null }),
    receiveStreamFrame: (handle, frame) => queue.push({ handle, frame }, frame.type === 'records' ? frame.records.length : 0),
    tailResumed: (handle) => {
      if (get().tail.handle?.key === handle.key) patch({ handle });
    },
    setQuickFilter: (quickFilter) => patch({ quickFilter }),
    selectRecord: (selected) => patch({ selected }),
    applyStreamFrames(frames, now = Date.now()) {
      const tail = withStreamFrames(get().tail, frames, get().preferences.bufferSize, now);
      if (tail !== get().tail) set({ tail });
    },
  };
};

/** A fresh view for a tail being started; the quick filter stays. */
export function startingTail(tail: TailState, spec: TailSpec): TailState {
  return { ...initialTail(), quickFilter: tail.quickFilter, spec, status: 'starting' };
}

/** The view once the start's reply arrives (a status frame may have landed first). */
export function withTailStarted(tail: TailState, handle: TailHandle): TailState {
  return { ...tail, handle, status: tail.status === 'starting' ? 'live' : tail.status };
}

/**
 * The view once `handle`'s stop is confirmed. A stop's reply can arrive after a newer tail was
 * started (a real broker takes hundreds of ms to answer it): that tail is left alone.
 */
export function withTailStopped(tail: TailState, handle: TailHandle): TailState {
  return tail.handle?.key === handle.key ? { ...tail, handle: null, status: 'ended', message: 'stopped' } : tail;
}

/**
 * The tail after stream frames, in order: records merged into the bounded buffer in one pass,
 * the last status and stats kept, the rate updated. Frames of a tail that was stopped or replaced
 * meanwhile are not this view's; nothing after `ended` is either. Unchanged state when nothing applies.
 */
export function withStreamFrames(tail: TailState, frames: QueuedFrame[], bufferSize: number, now: number): TailState {
  let next = tail;
  const incoming: WireRecord[] = [];
  // Records that came after the first caught-up: the live ones the rate counts (not the backlog).
  let live = 0;
  for (const { handle, frame } of frames) {
    if (next.handle?.key !== handle.key) continue;
    if (frame.type === 'records') {
      for (const record of frame.records) incoming.push(record);
      if (next.caughtUpOnce) live += frame.records.length;
      const counts = withRecordsCounted(next.streamStats, frame.streamId, frame.records.length);
      next = { ...next, streamStats: counts.byStream, stats: counts.total };
    }
    else if (frame.type === 'status') next = { ...next, status: frame.status, message: frame.message ?? null, error: frame.error ?? (frame.status === 'error' ? next.error : null), ...(frame.status === 'ended' ? { handle: null } : {}) };
    else {
      const counts = withStreamCounts(next.streamStats, frame);
      next = { ...next, streamStats: counts.byStream, stats: counts.total };
    }
    if (frame.type === 'status' && frame.status === 'caught-up' && !next.caughtUpOnce) next = { ...next, caughtUpOnce: true, arrivals: [] };
  }
  if (next === tail && incoming.length === 0) return tail;
  const arrivals = next.arrivals.filter((a) => now - a.at < RATE_WINDOW_MS);
  if (live) arrivals.push({ at: now, count: live });
  const rate = Math.round((arrivals.reduce((sum, a) => sum + a.count, 0) * 1000) / RATE_WINDOW_MS);
  return { ...next, ...(incoming.length ? appendRecords(next, incoming, bufferSize) : {}), arrivals, rate };
}
