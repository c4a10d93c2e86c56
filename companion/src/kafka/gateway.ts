import type { ProducedRecord } from './produce-outcomes';
import type { RawPart } from './partition-read';

export type { ProducedRecord, RawPart };
import type {
  ClusterInfo,
  GroupDetail,
  GroupSummary,
  PartitionStart,
  StartPosition,
  TopicDetail,
  TopicSummary,
} from '@kafka-inspector/shared';

/**
 * The one port between the companion and Kafka. Session and protocol code depend on this only;
 * the KafkaJS implementation lives beside it, so swapping the client touches this folder alone.
 */
export interface KafkaGateway {
  describeCluster(): Promise<Omit<ClusterInfo, 'cluster'>>;
  /**
   * Topics with partition counts and a message estimate, sorted by name. The filter is applied
   * before any watermark is read, so a search on a large cluster reads only its matches.
   */
  listTopics(filter?: TopicFilter): Promise<TopicSummary[]>;
  describeTopic(topic: string): Promise<TopicDetail>;
  /**
   * Opens a group-less reader: it never joins or commits into a consumer group, so it disturbs no
   * real consumer and leaves nothing behind on the broker once closed.
   */
  openTail(options: TailOptions): Promise<TailReader>;
  /**
   * Per record, in request order, its offset or why it was not written (its partition's send
   * failed). Rejects when nothing was written, and before sending anything when a record is refused.
   */
  produce(topic: string, records: RawOutgoingRecord[]): Promise<ProducedRecord[]>;
  listGroups(): Promise<GroupSummary[]>;
  /**
   * Committed offsets and lag of every partition the group committed or a live member is assigned
   * (limited to `topics` when given). NOT_FOUND when the broker says the group does not exist.
   */
  describeGroup(groupId: string, topics?: string[]): Promise<GroupDetail>;
  /** Ready to serve (connects lazily; this just checks the brokers answer). */
  close(): Promise<void>;
}

export interface TopicFilter {
  /** Case-insensitive substring of the name. */
  search?: string;
  /** Kafka's own topics (`__consumer_offsets`, ...) are left out unless true. */
  includeInternal?: boolean;
}

export interface TailOptions {
  topic: string;
  /** Omitted: every partition of the topic. */
  partitions?: number[];
  start: StartPosition;
}

/**
 * A pull-based reader over a set of partitions. The session pulls only while the client keeps up,
 * which is the whole backpressure story: paused or throttled simply means "not pulling".
 */
export interface TailReader {
  readonly topic: string;
  /** Where each partition starts (after the last seek). */
  readonly starts: PartitionStart[];
  /**
   * Fetches the next records across the partitions, waiting up to the gateway's max wait when none
   * are ready. Rejects with an AbortError when the signal aborts. Advances the reader's positions.
   */
  fetch(signal: AbortSignal): Promise<RawBatch>;
  /**
   * As fetch, but the record batches stay raw bytes for a scan worker to decode: only positions
   * and watermarks are read here (O(batches)), so a poison record costs this thread nothing.
   */
  fetchRaw?(signal: AbortSignal): Promise<RawFetch>;
  /** Moves every partition to a new start and returns the new starts. */
  seek(start: StartPosition): Promise<PartitionStart[]>;
  /** Next offset to read per partition. */
  positions(): Map<number, string>;
  close(): Promise<void>;
}

export interface RawBatch {
  records: RawRecord[];
  /** High watermark per partition as of this fetch. */
  highWatermarks: Map<number, string>;
  /** Every partition's position has reached its high watermark. */
  caughtUp: boolean;
  /** Offsets [from, to) retention deleted before they were read; the reader went on at `to`. */
  skipped: SkippedRange[];
  /** Offsets [from, to) of batches the companion cannot read (a codec it lacks); the reader went on at `to`. */
  unreadable?: UnreadableRange[];
}

export interface UnreadableRange extends SkippedRange {
  reason: string;
}

/**
 * What one record may cost to decode. Key and value are views into the fetched bytes (cheap at
 * any size); headers are built one by one, so their count and bytes are capped: a record with
 * 50,000 headers keeps the first ones and is flagged `capped`.
 */
export interface RecordCaps {
  maxHeaders: number;
  maxHeaderBytes: number;
  maxKeyBytes: number;
  maxValueBytes: number;
}

/** Full-size reads (recordGet takes up to 16 MiB) stay possible; headers past 1,000 or 1 MiB are not built. */
export const DEFAULT_RECORD_CAPS: RecordCaps = { maxHeaders: 1000, maxHeaderBytes: 1024 * 1024, maxKeyBytes: 16 * 1024 * 1024, maxValueBytes: 16 * 1024 * 1024 };

export interface RawFetch extends Omit<RawBatch, 'records' | 'unreadable'> {
  parts: RawPart[];
}

export interface SkippedRange {
  partition: number;
  from: string;
  to: string;
}

export interface RawHeader {
  key: string;
  value: Buffer | null;
}

export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  /** ms since epoch, decimal string */
  timestamp: string;
  /** Whose clock the timestamp is (the batch's attributes say); unknown for readers that cannot tell. */
  timestampType?: 'CreateTime' | 'LogAppendTime';
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeader[];
  /** Set when the record was over a decoding cap (RecordCaps): the original sizes of what was cut. */
  capped?: RecordCapped;
}

export interface RecordCapped {
  /** Headers the record holds, and their bytes, when only the first ones were kept. */
  headers?: number;
  headerBytes?: number;
  keyBytes?: number;
  valueBytes?: number;
}

export interface RawOutgoingRecord {
  partition?: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeader[];
  timestamp?: string;
}

/**
 * Errors the gateway throws carry a protocol error code, so the session maps them without knowing
 * KafkaJS's error classes.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'KAFKA_UNAVAILABLE' | 'KAFKA_ERROR' | 'KAFKA_AUTH_FAILED' | 'KAFKA_TLS_FAILED' | 'UNSUPPORTED_BY_BROKER' | 'TIMEOUT' | 'BAD_FRAME' | 'TOO_LARGE',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}
