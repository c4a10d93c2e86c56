import { z } from 'zod';
import { ClusterNameSchema, Int64StringSchema, NonNegativeInt64StringSchema, PartitionSchema, RequestIdSchema, TopicNameSchema } from './primitives';
import { WireRecordSchema } from './records';

/**
 * Requests that read records by their coordinates, outside any tail: one record with its whole
 * value (a tail sends previews of large values), and the records just before an offset (the
 * panel's "load older"). Both read through a short-lived group-less reader, like a tail.
 */
const request = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: RequestIdSchema, type: z.literal(type), cluster: ClusterNameSchema.optional(), ...shape });

/** The most bytes of a key, value or header value `recordGet` sends whole: past it, still a preview. */
export const FULL_VALUE_MAX_BYTES = 16 * 1024 * 1024;

/** The most records one `recordsBefore` returns. */
export const RECORDS_BEFORE_MAX = 1000;

/**
 * One record by topic, partition and offset, its key, value and headers whole up to
 * FULL_VALUE_MAX_BYTES each (`truncated` is set only past that). NOT_FOUND when the offset is not
 * in the partition: below its log start, at or past its end, or removed by compaction.
 */
export const RecordGetSchema = request('recordGet', {
  topic: TopicNameSchema,
  partition: PartitionSchema,
  offset: NonNegativeInt64StringSchema,
});

/**
 * Up to `count` records of one partition just before offset `before` (previews, as a tail sends
 * them), oldest first. Fewer come back at the log start or where compaction removed records.
 */
export const RecordsBeforeSchema = request('recordsBefore', {
  topic: TopicNameSchema,
  partition: PartitionSchema,
  before: NonNegativeInt64StringSchema,
  count: z.number().int().min(1).max(RECORDS_BEFORE_MAX),
});

export const RecordGotSchema = z.object({
  record: WireRecordSchema,
  /** The partition's log start and end (high watermark) when it was read. */
  low: Int64StringSchema,
  high: Int64StringSchema,
});
export type RecordGot = z.infer<typeof RecordGotSchema>;

export const RecordsBeforeResultSchema = z.object({
  records: z.array(WireRecordSchema),
  /** The partition's log start: nothing older can be loaded once the first record is at it. */
  low: Int64StringSchema,
});
export type RecordsBeforeResult = z.infer<typeof RecordsBeforeResultSchema>;
