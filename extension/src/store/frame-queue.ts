export interface FrameQueueOptions {
  /** Deliver at once when this many records are waiting, so a hidden panel cannot pile them up. */
  maxRecords: number;
  /** Longest a frame waits when no animation frame comes (a hidden panel gets none). */
  maxDelayMs: number;
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
}

export interface FrameQueue<T> {
  push(item: T, records: number): void;
  /** Delivers whatever waits now (a tail stops or starts: nothing of the old one may arrive late). */
  flush(): void;
}

/**
 * Collects stream frames and hands them over together, once per animation frame: a busy tail sends
 * far more frames than the screen can show, and each delivery is a store update and a render.
 * Order is kept; a timer stands in for the animation frame when none comes.
 */
export function createFrameQueue<T>(deliver: (items: T[]) => void, options: FrameQueueOptions): FrameQueue<T> {
  const raf = options.requestAnimationFrame ?? (typeof requestAnimationFrame === 'function' ? requestAnimationFrame : undefined);
  const cancelRaf = options.cancelAnimationFrame ?? (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : undefined);
  let items: T[] = [];
  let records = 0;
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (frame !== null) cancelRaf?.(frame);
    if (timer !== null) clearTimeout(timer);
    frame = timer = null;
    if (items.length === 0) return;
    const batch = items;
    items = [];
    records = 0;
    deliver(batch);
  };

  return {
    push(item, count) {
      items.push(item);
      records += count;
      if (records >= options.maxRecords) return flush();
      if (timer !== null) return;
      timer = setTimeout(flush, options.maxDelayMs);
      if (raf) frame = raf(flush);
    },
    flush,
  };
}
