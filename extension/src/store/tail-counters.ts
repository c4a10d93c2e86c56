import type { StatsFrame } from '@kafka-inspector/shared';

export type StreamCounts = Pick<StatsFrame, 'scanned' | 'matched' | 'sent'>;

/**
 * A tail's counters across its streams: a reconnect starts the tail again under a new stream id,
 * whose counters start at 0, so the tail's are the sum over its streams (else "matched" would
 * drop below what the panel holds).
 */
export function withStreamCounts(byStream: Record<string, StreamCounts>, frame: StatsFrame): { byStream: Record<string, StreamCounts>; total: StreamCounts } {
  const next = { ...byStream, [frame.streamId]: { scanned: frame.scanned, matched: frame.matched, sent: frame.sent } };
  const total = { scanned: 0, matched: 0, sent: 0 };
  for (const counts of Object.values(next)) {
    total.scanned += counts.scanned;
    total.matched += counts.matched;
    total.sent += counts.sent;
  }
  return { byStream: next, total };
}
