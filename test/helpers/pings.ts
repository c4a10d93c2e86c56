import type { TestClient } from './ws-client';

/** How long one ping may go unanswered before it counts as lost (and the pinging stops). */
export const PING_TIMEOUT_MS = 2_000;

/**
 * Pings one after another until `until` settles, and for at least `atLeastMs` (4 s: ~200 pings, so
 * p99 is not just the one slowest); an unanswered ping counts as its timeout and ends the pinging.
 */
export async function pingUntil(client: TestClient, until: Promise<unknown>, atLeastMs = 4_000): Promise<number[]> {
  let done = false;
  void until.then(() => (done = true));
  const latencies: number[] = [];
  const since = performance.now();
  while (!done || performance.now() - since < atLeastMs) {
    const sent = performance.now();
    const reply = await client.send({ type: 'ping' }, PING_TIMEOUT_MS).catch(() => null);
    latencies.push(reply ? performance.now() - sent : PING_TIMEOUT_MS);
    if (!reply) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

/** The value at fraction `p` (0..1) of the sorted samples; Infinity when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Infinity;
}
