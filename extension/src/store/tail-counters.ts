import type { StatsFrame } from '@kafka-inspector/shared';

export type StreamCounts = Pick<StatsFrame, 'scanned' | 'matched' | 'sent'>;

/**
 * A tail's counters across its streams: a reconnect starts the tail again under a new stream id,
 * whose counters start at 0, so the tail's are the sum over its streams (else "matched" would
 * drop below what the panel holds).
 */
export function withStreamCounts(byStream: Record<string, StreamCounts>, frame: StatsFrame): { byStream: Record<string, StreamCounts>; total: StreamCounts } {
  return totalled({ ...byStream, [frame.streamId]: { scanned: frame.scanned, matched: frame.matched, sent: frame.sent } });
}

/**
 * Counts records that arrived ahead of their stream's next stats frame (the companion sends stats
 * at most every 500 ms): each was scanned, matched and sent, so "matched" never shows fewer than
 * the records on screen. The next stats frame replaces the guess with the companion's own counts,
 * which already include these records.
 */
export function withRecordsCounted(byStream: Record<string, StreamCounts>, streamId: string, records: number): { byStream: Record<string, StreamCounts>; total: StreamCounts } {
  const counts = byStream[streamId] ?? { scanned: 0, matched: 0, sent: 0 };
  const sent = counts.sent + records;
  const matched = Math.max(counts.matched, sent);
  return totalled({ ...byStream, [streamId]: { scanned: Math.max(counts.scanned, matched), matched, sent } });
}

function totalled(next: Record<string, StreamCounts>): { byStream: Record<string, StreamCounts>; total: StreamCounts } {
  const total = { scanned: 0, matched: 0, sent: 0 };
  for (const counts of Object.values(next)) {
    total.scanned += counts.scanned;
    total.matched += counts.matched;
    total.sent += counts.sent;
  }
  return { byStream: next, total };
}
