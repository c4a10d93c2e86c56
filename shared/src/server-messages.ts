import { z } from 'zod';
import { WireErrorSchema } from './errors';
import { Int64StringSchema, PartitionSchema, RequestIdSchema, StreamIdSchema } from './primitives';
import type { RequestType } from './client-messages';
import { ResultSchemas, WelcomeSchema } from './results';
import { WireRecordSchema } from './records';
import { TailStatusSchema } from './tail';

const resultFrame = <T extends RequestType>(request: T) =>
  z.object({
    type: z.literal('result'),
    id: RequestIdSchema,
    ok: z.literal(true),
    request: z.literal(request),
    result: ResultSchemas[request],
  });

/** The successful reply to `hello`. */
export const WelcomeFrameSchema = WelcomeSchema.extend({
  type: z.literal('welcome'),
  id: RequestIdSchema,
  ok: z.literal(true),
});

/** The successful reply to every other request: `request` names the request type and the result shape. */
export const ResultFrameSchema = z.discriminatedUnion('request', [
  resultFrame('ping'),
  resultFrame('describeCluster'),
  resultFrame('listTopics'),
  resultFrame('describeTopic'),
  resultFrame('tailStart'),
  resultFrame('tailPause'),
  resultFrame('tailResume'),
  resultFrame('tailSeek'),
  resultFrame('tailStop'),
  resultFrame('produce'),
  resultFrame('listGroups'),
  resultFrame('describeGroup'),
  resultFrame('recordGet'),
  resultFrame('recordsBefore'),
  resultFrame('listSubjects'),
  resultFrame('listSchemaVersions'),
  resultFrame('getSchema'),
  resultFrame('schemaSkeleton'),
]);

/** A failed request. `id` is null when the frame was too broken to carry one. */
export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  id: RequestIdSchema.nullable(),
  ok: z.literal(false),
  error: WireErrorSchema,
});

/** Next offset to read per partition (keys are partition numbers), as far as the server has scanned. */
const PositionsSchema = z.record(z.string().regex(/^\d+$/), Int64StringSchema);

/** A batch of matching records of one stream, in per-partition offset order. */
export const RecordsFrameSchema = z.object({
  type: z.literal('records'),
  streamId: StreamIdSchema,
  records: z.array(WireRecordSchema),
});

/** A stream's state changed. `error` is set with status `error`; `message` explains others. */
export const StatusFrameSchema = z.object({
  type: z.literal('status'),
  streamId: StreamIdSchema,
  status: TailStatusSchema,
  message: z.string().optional(),
  error: WireErrorSchema.optional(),
  /**
   * Offsets [from, to) the broker deleted (retention) before this stream read them: sent with the
   * stream's current status, so a gap is never silent.
   */
  skipped: z.array(z.object({ partition: PartitionSchema, from: Int64StringSchema, to: Int64StringSchema })).optional(),
});

/** Counters since the stream started, and where it has read to: a resume point that skips filtered-out records. */
export const StatsFrameSchema = z.object({
  type: z.literal('stats'),
  streamId: StreamIdSchema,
  scanned: z.number().int(),
  matched: z.number().int(),
  sent: z.number().int(),
  positions: PositionsSchema,
  /** High watermark per partition at the last fetch. */
  highWatermarks: PositionsSchema,
});

export const ServerMessageSchema = z.discriminatedUnion('type', [
  WelcomeFrameSchema,
  ResultFrameSchema,
  ErrorFrameSchema,
  RecordsFrameSchema,
  StatusFrameSchema,
  StatsFrameSchema,
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;
export type ResultFrame = z.infer<typeof ResultFrameSchema>;
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;
export type RecordsFrame = z.infer<typeof RecordsFrameSchema>;
export type StatusFrame = z.infer<typeof StatusFrameSchema>;
export type StatsFrame = z.infer<typeof StatsFrameSchema>;
export type StreamFrame = RecordsFrame | StatusFrame | StatsFrame;
