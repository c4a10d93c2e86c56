import type { FetchAsk } from './fetch-wire';
import type { FetchedPartition } from './partition-read';

/** Where ListOffsets looks: the log start, the log end, or the first record at or after a time. */
export type OffsetAt = { fromBeginning: true } | { fromBeginning: false } | { fromTimestamp: number };

/**
 * The narrow port the tail path reads Kafka through: metadata, ListOffsets and a Fetch whose
 * record batches come back as raw bytes. Everything above it (positions, transactions, compaction,
 * decoding) is our own code; the client behind it can change without touching the tail.
 */
export interface PartitionFetcher {
  /** Partition ids of the topic, sorted; NOT_FOUND when the cluster has no such topic. */
  partitions(topic: string): Promise<number[]>;
  /** The leader of each partition, grouped by broker node id. */
  leaders(topic: string, partitions: number[]): Map<number, number[]>;
  listOffsets(topic: string, partitions: number[], at: OffsetAt): Promise<Map<number, string>>;
  /** One Fetch (READ_COMMITTED) at one broker; rejects with an AbortError when the signal aborts. */
  fetch(leader: number, ask: FetchAsk, signal: AbortSignal): Promise<FetchedPartition[]>;
  refreshMetadata(): Promise<void>;
  close(): Promise<void>;
}
