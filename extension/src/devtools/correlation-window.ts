import type { WireRecord } from '@kafka-inspector/shared';
import type { TimeWindow } from './correlation-filter';
import type { PageRequest } from './inspected-page';

/**
 * A request's window: a little before it started (clocks of the browser and the brokers differ by
 * some hundreds of ms) to a little after it ended (consumers downstream produce later).
 */
export const WINDOW_BEFORE_MS = 2_000;
export const WINDOW_AFTER_MS = 10_000;

export function requestWindow(request: Pick<PageRequest, 'startedAt' | 'durationMs'>, before = WINDOW_BEFORE_MS, after = WINDOW_AFTER_MS): TimeWindow {
  return { from: Math.max(0, request.startedAt - before), to: request.startedAt + request.durationMs + after };
}

/** Where the search tails start: a timestamp start at the window's opening. */
export const windowStart = (window: TimeWindow) => ({ from: 'timestamp' as const, timestamp: String(Math.max(0, Math.floor(window.from))) });

export interface CorrelatedRecord {
  record: WireRecord;
  /** Record time minus the request's start: negative when the record is stamped before it (clock skew). */
  delayMs: number;
  /** The ids it carries. */
  matched: string[];
}

const textOf = (data: WireRecord['key']) => (data === null ? '' : data.encoding === 'binary' ? '' : data.text);

/** Which of the ids a record carries in a header value, its key or its value text. */
export function idsInRecord(record: WireRecord, ids: string[]): string[] {
  const texts = [textOf(record.key), textOf(record.value), ...record.headers.map((h) => textOf(h.value))];
  return ids.filter((id) => texts.some((t) => t.includes(id)));
}

const identity = (r: WireRecord) => `${r.topic}\u0000${r.partition}\u0000${r.offset}`;

/**
 * Adds records to a request's group: only those in its window that carry one of its ids (the
 * companion filtered already; this keeps the view honest whatever arrives), no duplicates (a
 * resumed tail resends), in time order, then topic, partition and offset.
 */
export function groupRecords(group: CorrelatedRecord[], incoming: WireRecord[], request: Pick<PageRequest, 'startedAt'>, ids: string[], window: TimeWindow): CorrelatedRecord[] {
  const seen = new Set(group.map((c) => identity(c.record)));
  const added: CorrelatedRecord[] = [];
  for (const record of incoming) {
    const time = Number(record.timestamp);
    if (time < window.from || time > window.to || seen.has(identity(record))) continue;
    const matched = idsInRecord(record, ids);
    if (matched.length === 0) continue;
    seen.add(identity(record));
    added.push({ record, delayMs: time - request.startedAt, matched });
  }
  if (added.length === 0) return group;
  return [...group, ...added].sort(
    (a, b) => a.delayMs - b.delayMs || a.record.topic.localeCompare(b.record.topic) || a.record.partition - b.record.partition || Number(BigInt(a.record.offset) - BigInt(b.record.offset)),
  );
}
