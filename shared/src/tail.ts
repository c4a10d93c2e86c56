import { z } from 'zod';
import { Int64StringSchema, NonNegativeInt64StringSchema, PartitionSchema } from './primitives';

/**
 * Where a tail starts, applied to each selected partition:
 * - latest: only records produced from now on;
 * - earliest: the oldest record still held;
 * - offset: this absolute offset (clamped into [low, high]);
 * - timestamp: the first record at or after this time (ms since epoch): a decimal string like every
 *   64-bit number (canonical), or a JSON number (accepted for compatibility: protocol 1's first form);
 * - lastN: the last `count` records of each partition;
 * - positions: the next offset per partition, as a client resumes after a reconnect
 *   (partitions absent from the map start at latest, the high watermark).
 * Offsets and times are 0 or more: a negative one is refused, never clamped.
 */
export const StartPositionSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('latest') }),
  z.strictObject({ from: z.literal('earliest') }),
  z.strictObject({ from: z.literal('offset'), offset: NonNegativeInt64StringSchema }),
  z.strictObject({ from: z.literal('timestamp'), timestamp: z.union([NonNegativeInt64StringSchema, z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]) }),
  z.strictObject({ from: z.literal('lastN'), count: z.number().int().min(1).max(1_000_000) }),
  z.strictObject({ from: z.literal('positions'), positions: z.record(z.string().regex(/^\d+$/), NonNegativeInt64StringSchema) }),
]);
export type StartPosition = z.infer<typeof StartPositionSchema>;

/**
 * Server-side filter; only matches cross the wire. Both parts must match when both are set.
 * - text: case-insensitive substring of key, value, header names or header values (decoded as UTF-8);
 * - cel: a CEL expression over `key`, `value` (parsed JSON when the value is JSON, else the string),
 *   `headers` (map of name to string), `partition`, `offset` (int), `timestamp` (int, ms) and `topic`.
 */
export const TailFilterSchema = z.strictObject({
  text: z.string().max(1000).optional(),
  cel: z.string().max(4000).optional(),
});
export type TailFilter = z.infer<typeof TailFilterSchema>;

export const TAIL_STATUSES = ['live', 'paused', 'throttled', 'caught-up', 'ended', 'error'] as const;
export const TailStatusSchema = z.enum(TAIL_STATUSES);
export type TailStatus = z.infer<typeof TailStatusSchema>;

export const PartitionStartSchema = z.object({
  partition: PartitionSchema,
  /** The first offset this tail reads. */
  offset: Int64StringSchema,
  low: Int64StringSchema,
  high: Int64StringSchema,
});
export type PartitionStart = z.infer<typeof PartitionStartSchema>;
