import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameQueue } from '../../../extension/src/store/frame-queue';

describe('frame queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  // An animation frame the test fires by hand; a hidden panel never fires it.
  const manualFrames = () => {
    const callbacks = new Map<number, () => void>();
    let next = 1;
    return {
      requestAnimationFrame: (callback: () => void) => (callbacks.set(next, callback), next++),
      cancelAnimationFrame: (handle: number) => void callbacks.delete(handle),
      fire: () => [...callbacks.values()].forEach((callback) => callback()),
      pending: () => callbacks.size,
    };
  };

  it('delivers everything pushed before the animation frame at once, in order', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const queue = createFrameQueue<string>((items) => delivered.push(items), { maxRecords: 1000, maxDelayMs: 100, ...frames });
    queue.push('a', 10);
    queue.push('b', 0);
    queue.push('c', 10);
    expect(delivered).toEqual([]);
    frames.fire();
    expect(delivered).toEqual([['a', 'b', 'c']]);
    vi.advanceTimersByTime(200); // the fallback timer was cancelled: no second, empty delivery
    expect(delivered).toHaveLength(1);
  });

  it('a hidden panel (no animation frames) still gets its frames within maxDelayMs', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const queue = createFrameQueue<string>((items) => delivered.push(items), { maxRecords: 1000, maxDelayMs: 100, ...frames });
    queue.push('a', 1);
    vi.advanceTimersByTime(99);
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([['a']]);
    expect(frames.pending()).toBe(0);
  });

  it('delivers at once when maxRecords are waiting, so nothing piles up', () => {
    const delivered: string[][] = [];
    const queue = createFrameQueue<string>((items) => delivered.push(items), { maxRecords: 100, maxDelayMs: 100, ...manualFrames() });
    queue.push('a', 60);
    expect(delivered).toEqual([]);
    queue.push('b', 40);
    expect(delivered).toEqual([['a', 'b']]);
  });

  it('flush() delivers what waits now, and nothing when empty', () => {
    const delivered: string[][] = [];
    const queue = createFrameQueue<string>((items) => delivered.push(items), { maxRecords: 100, maxDelayMs: 100, ...manualFrames() });
    queue.flush();
    queue.push('a', 1);
    queue.flush();
    expect(delivered).toEqual([['a']]);
  });
});
