/** Waits `ms`, or less if the signal aborts; leaves no listener behind either way. */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/** How long a failing stream waits before its next try: doubling from 250 ms, at most 5 s. */
export const retryDelay = (failures: number) => Math.min(5000, 250 * 2 ** (failures - 1));
