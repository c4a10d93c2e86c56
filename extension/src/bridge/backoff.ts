/**
 * Reconnect delay: exponential from `baseMs` to `maxMs`, with full jitter so that many panels
 * reconnecting to a restarted companion do not arrive in lockstep.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 250, maxMs = 10_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
