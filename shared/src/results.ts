import { z } from 'zod';
import { WireErrorSchema } from './errors';
import { Int64StringSchema, PartitionSchema, StreamIdSchema, TopicNameSchema } from './primitives';
import { SchemaResultSchemas } from './schema-requests';
import { RecordGotSchema, RecordsBeforeResultSchema } from './record-requests';
import { PartitionStartSchema } from './tail';

export const ClusterProfileInfoSchema = z.object({
  name: z.string(),
  default: z.boolean(),
  /** Bootstrap brokers as host:port. Credentials never travel to the browser. */
  brokers: z.array(z.string()),
  tls: z.boolean(),
  sasl: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).nullable(),
  /** True for the built-in demo broker started when no cluster is configured. */
  demo: z.boolean(),
});
export type ClusterProfileInfo = z.infer<typeof ClusterProfileInfoSchema>;

export const CapabilitiesSchema = z.object({
  readOnly: z.boolean(),
  /** Glob patterns of topics that may be produced to; null means every topic. */
  produceAllowList: z.array(z.string()).nullable(),
  cel: z.boolean(),
  schemaRegistry: z.boolean(),
  /** Every limit of docs/protocol.md's "Limits", as configured. */
  limits: z.object({
    maxFrameBytes: z.number().int(),
    maxRecordBytes: z.number().int(),
    maxValuePreviewBytes: z.number().int(),
    maxStreamsPerSocket: z.number().int(),
    /** Open streams across all sockets of the companion (sent since issue 16, security 6). */
    maxStreamsTotal: z.number().int().optional(),
    // Sent since issue 16; optional so that a client still accepts an older companion's welcome.
    maxSockets: z.number().int().optional(),
    maxBatchRecords: z.number().int().optional(),
    batchIntervalMs: z.number().int().optional(),
    highWaterBytes: z.number().int().optional(),
  }),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const WelcomeSchema = z.object({
  protocol: z.number().int(),
  server: z.object({ name: z.string(), version: z.string() }),
  capabilities: CapabilitiesSchema,
  clusters: z.array(ClusterProfileInfoSchema),
});
export type Welcome = z.infer<typeof WelcomeSchema>;

/**
 * The Kafka release a broker runs. Kafka has no request that names it, so it is inferred from the
 * highest request versions the broker supports (its ApiVersions answer).
 */
export const KafkaVersionSchema = z.object({
  /** "3.1"; "3.3 or 3.4" where releases look alike; "≥ 3.7" (newer than the companion can tell); "< 2.0"; "unknown". */
  name: z.string(),
  /** How it was found: today always from the broker's ApiVersions answer. */
  inferredFrom: z.literal('apiVersions'),
});
export type KafkaVersion = z.infer<typeof KafkaVersionSchema>;

export const ClusterInfoSchema = z.object({
  cluster: z.string(),
  clusterId: z.string().nullable(),
  controller: z.number().int().nullable(),
  brokers: z.array(z.object({ nodeId: z.number().int(), host: z.string(), port: z.number().int() })),
  /** Missing when the broker's API versions could not be read (or from an older companion). */
  version: KafkaVersionSchema.optional(),
});
export type ClusterInfo = z.infer<typeof ClusterInfoSchema>;

export const TopicSummarySchema = z.object({
  name: TopicNameSchema,
  partitions: z.number().int(),
  replicationFactor: z.number().int(),
  /** Sum over partitions of high - low watermark: an estimate (compaction and transactions skew it). */
  messageCount: Int64StringSchema,
  internal: z.boolean(),
  /**
   * Set when some partitions' watermarks could not be read (e.g. the topic was deleted while the
   * list was read, or a leader was moving); `messageCount` then counts only the other partitions.
   */
  error: WireErrorSchema.optional(),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

export const PartitionDetailSchema = z.object({
  partition: PartitionSchema,
  leader: z.number().int(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  low: Int64StringSchema,
  high: Int64StringSchema,
});
export type PartitionDetail = z.infer<typeof PartitionDetailSchema>;

export const TopicConfigEntrySchema = z.object({
  name: z.string(),
  value: z.string().nullable(),
  isDefault: z.boolean(),
  readOnly: z.boolean(),
  sensitive: z.boolean(),
});
export type TopicConfigEntry = z.infer<typeof TopicConfigEntrySchema>;

export const TopicDetailSchema = z.object({
  name: TopicNameSchema,
  internal: z.boolean(),
  partitions: z.array(PartitionDetailSchema),
  /** null when the broker does not support DescribeConfigs; `configsError` then says why. */
  configs: z.array(TopicConfigEntrySchema).nullable(),
  configsError: WireErrorSchema.optional(),
});
export type TopicDetail = z.infer<typeof TopicDetailSchema>;

export const TailStartedSchema = z.object({
  streamId: StreamIdSchema,
  topic: TopicNameSchema,
  partitions: z.array(PartitionStartSchema),
});
export type TailStarted = z.infer<typeof TailStartedSchema>;

/**
 * One produced record: its offset, or, when its partition's send failed while other partitions'
 * were written, why it was not written (send it again; the written ones must not be).
 */
export const ProducedRecordSchema = z.union([
  z.object({ partition: PartitionSchema, offset: Int64StringSchema }),
  z.object({ partition: PartitionSchema, error: WireErrorSchema }),
]);
export type ProducedRecord = z.infer<typeof ProducedRecordSchema>;

/** Per record, in request order. A produce that wrote nothing is an error reply, never a result. */
export const ProducedSchema = z.object({
  records: z.array(ProducedRecordSchema),
});
export type Produced = z.infer<typeof ProducedSchema>;

export const GroupSummarySchema = z.object({
  groupId: z.string(),
  protocolType: z.string(),
  /** null when the broker could not describe the group. */
  state: z.string().nullable(),
  members: z.number().int().nullable(),
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

export const GroupOffsetSchema = z.object({
  topic: TopicNameSchema,
  partition: PartitionSchema,
  /**
   * null when the group has no committed offset for this partition (a partition assigned to a live
   * member that has not committed yet, shown like kafka-consumer-groups' CURRENT-OFFSET '-').
   */
  committed: Int64StringSchema.nullable(),
  end: Int64StringSchema,
  /** end - committed (at least 0); null when nothing is committed (kafka-consumer-groups' LAG '-'). */
  lag: Int64StringSchema.nullable(),
});
export type GroupOffset = z.infer<typeof GroupOffsetSchema>;

export const GroupDetailSchema = z.object({
  groupId: z.string(),
  state: z.string().nullable(),
  protocol: z.string().nullable(),
  /** null when the broker does not support DescribeGroups; `membersError` then says why. */
  members: z
    .array(
      z.object({
        memberId: z.string(),
        clientId: z.string(),
        host: z.string(),
        assignments: z.array(z.object({ topic: TopicNameSchema, partitions: z.array(PartitionSchema) })),
      }),
    )
    .nullable(),
  membersError: WireErrorSchema.optional(),
  offsets: z.array(GroupOffsetSchema),
  /** Sum of the known lags: partitions with no committed offset add nothing. */
  totalLag: Int64StringSchema,
});
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

/** Result shape of each request type. */
export const ResultSchemas = {
  hello: WelcomeSchema,
  ping: z.object({ time: Int64StringSchema }),
  describeCluster: ClusterInfoSchema,
  listTopics: z.object({ topics: z.array(TopicSummarySchema) }),
  describeTopic: TopicDetailSchema,
  tailStart: TailStartedSchema,
  tailPause: z.object({ streamId: StreamIdSchema }),
  tailResume: z.object({ streamId: StreamIdSchema }),
  tailSeek: TailStartedSchema,
  tailStop: z.object({ streamId: StreamIdSchema }),
  produce: ProducedSchema,
  listGroups: z.object({ groups: z.array(GroupSummarySchema) }),
  describeGroup: GroupDetailSchema,
  recordGet: RecordGotSchema,
  recordsBefore: RecordsBeforeResultSchema,
  ...SchemaResultSchemas,
} as const;
export type ResultOf<T extends keyof typeof ResultSchemas> = z.infer<(typeof ResultSchemas)[T]>;
