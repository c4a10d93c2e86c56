import { z } from 'zod';
import { ClusterNameSchema, PartitionSchema, RequestIdSchema, StreamIdSchema, TopicNameSchema } from './primitives';
import { ForcedDecodersSchema } from './decoding';
import { OutgoingRecordSchema } from './records';
import { RecordGetSchema, RecordsBeforeSchema } from './record-requests';
import { GetSchemaSchema, ListSchemaVersionsSchema, ListSubjectsSchema, SchemaSkeletonSchema } from './schema-requests';
import { StartPositionSchema, TailFilterSchema } from './tail';

const request = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: RequestIdSchema, type: z.literal(type), ...shape });

const cluster = { cluster: ClusterNameSchema.optional() };

/** First frame on every socket. Nothing else is answered before a successful hello. */
export const HelloSchema = request('hello', {
  protocol: z.number().int(),
  token: z.string().max(512),
  client: z.string().max(200).optional(),
});

export const PingSchema = request('ping', {});
export const DescribeClusterSchema = request('describeCluster', { ...cluster });
export const ListTopicsSchema = request('listTopics', {
  ...cluster,
  /** Case-insensitive substring of the topic name. */
  search: z.string().max(249).optional(),
  includeInternal: z.boolean().optional(),
});
export const DescribeTopicSchema = request('describeTopic', { ...cluster, topic: TopicNameSchema });

export const TailStartSchema = request('tailStart', {
  ...cluster,
  topic: TopicNameSchema,
  /** Omitted: every partition. */
  partitions: z.array(PartitionSchema).min(1).max(10_000).optional(),
  start: StartPositionSchema,
  filter: TailFilterSchema.optional(),
  /** Decoders forced for this tail's keys and values (shared/src/decoding.ts); omitted parts are auto. */
  decoders: ForcedDecodersSchema.optional(),
  /** Stop (status `ended`) after this many matching records were sent. */
  limit: z.number().int().min(1).max(10_000_000).optional(),
});
export const TailPauseSchema = request('tailPause', { streamId: StreamIdSchema });
export const TailResumeSchema = request('tailResume', { streamId: StreamIdSchema });
export const TailSeekSchema = request('tailSeek', { streamId: StreamIdSchema, start: StartPositionSchema });
export const TailStopSchema = request('tailStop', { streamId: StreamIdSchema });

export const ProduceSchema = request('produce', {
  ...cluster,
  topic: TopicNameSchema,
  records: z.array(OutgoingRecordSchema).min(1).max(10_000),
});

export const ListGroupsSchema = request('listGroups', { ...cluster });
export const DescribeGroupSchema = request('describeGroup', {
  ...cluster,
  groupId: z.string().min(1).max(255),
  /** Topics to report offsets and lag for; omitted: those the group has committed offsets on. */
  topics: z.array(TopicNameSchema).max(1000).optional(),
});

export const ClientMessageSchema = z.discriminatedUnion('type', [
  HelloSchema,
  PingSchema,
  DescribeClusterSchema,
  ListTopicsSchema,
  DescribeTopicSchema,
  TailStartSchema,
  TailPauseSchema,
  TailResumeSchema,
  TailSeekSchema,
  TailStopSchema,
  ProduceSchema,
  ListGroupsSchema,
  DescribeGroupSchema,
  RecordGetSchema,
  RecordsBeforeSchema,
  ListSubjectsSchema,
  ListSchemaVersionsSchema,
  GetSchemaSchema,
  SchemaSkeletonSchema,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type RequestType = ClientMessage['type'];
export type RequestOf<T extends RequestType> = Extract<ClientMessage, { type: T }>;
