import type { ForcedDecoders, PartitionStart, RecordsFrame, StartPosition, StatsFrame, StatusFrame, TailFilter } from '@kafka-inspector/shared';

export type StreamFrame = RecordsFrame | StatusFrame | StatsFrame;

export interface TailSpec {
  topic: string;
  partitions?: number[];
  start: StartPosition;
  filter?: TailFilter;
  limit?: number;
  cluster?: string;
  /** Forced decoders for the key and value (issue 11); absent: auto. */
  decoders?: ForcedDecoders;
}

/**
 * A tail as the panel knows it, immutable: `key` stays for the tail's life, `streamId` is the one
 * current when the ref was made (a reconnect starts the tail again under a new id and emits a new ref).
 */
export interface TailHandle {
  readonly key: number;
  readonly streamId: string | null;
  readonly spec: TailSpec;
  readonly starts: readonly PartitionStart[];
}

/** The bridge's own record of a tail: only the bridge changes it. */
export interface OpenTail {
  readonly key: number;
  streamId: string | null;
  readonly spec: TailSpec;
  readonly starts: PartitionStart[];
  /** Next offset per partition of the records the panel was given, or scanned past (stats): where a resumed tail starts. */
  next: Record<string, string>;
}

export const refOf = (tail: OpenTail): TailHandle => Object.freeze({ key: tail.key, streamId: tail.streamId, spec: tail.spec, starts: tail.starts });

/**
 * Notes where a tail may resume after `frame`, on arrival and before any listener sees it: past
 * every record handed over, and where the companion has scanned to (past records the filter left
 * out) once every match before it was sent (sent == matched), or a reconnect would scan them again.
 */
export function noteResumePoints(tail: OpenTail, frame: StreamFrame): void {
  if (frame.type === 'records') for (const record of frame.records) noteNext(tail, String(record.partition), (BigInt(record.offset) + 1n).toString());
  if (frame.type === 'stats' && frame.sent === frame.matched) for (const [partition, next] of Object.entries(frame.positions)) noteNext(tail, partition, next);
}

/** Where a resumed tail starts: the next offset held per partition; partitions with nothing held keep their first start. */
export function resumePositions(tail: OpenTail): Record<string, string> {
  return { ...Object.fromEntries(tail.starts.map((s) => [String(s.partition), s.offset])), ...tail.next };
}

/** Moves a tail's resume point on `partition` to `next` (never backwards). */
function noteNext(tail: OpenTail, partition: string, next: string): void {
  const current = tail.next[partition];
  if (current === undefined || BigInt(next) > BigInt(current)) tail.next[partition] = next;
}
