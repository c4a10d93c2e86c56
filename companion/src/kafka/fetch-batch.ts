import { createRequire } from 'node:module';
import type { RawHeader, RawRecord } from './gateway';
import type { FetchPartitionData, KafkaMessage } from './private-cluster';

// KafkaJS's own Batch drops control records, aborted transactions and the records a compressed
// batch holds before the fetch offset; reusing it keeps those rules identical to its consumer's.
const require = createRequire(import.meta.url);
const Batch = require('kafkajs/src/consumer/batch') as new (
  topic: string,
  fetchedOffset: string,
  data: FetchPartitionData,
) => { messages: KafkaMessage[]; messagesWithinOffset: KafkaMessage[]; isEmptyDueToLogCompactedMessages(): boolean };

export interface PartitionFetch {
  records: RawRecord[];
  /** The next offset to fetch for this partition. */
  next: string;
  highWatermark: string;
  /** Offset up to which a READ_COMMITTED reader can read (the last stable offset). */
  end: string;
}

/** Turns one partition's Fetch answer into records and the next position. */
export function readPartition(topic: string, fetchOffset: string, data: FetchPartitionData): PartitionFetch {
  const batch = new Batch(topic, fetchOffset, data);
  const within = batch.messagesWithinOffset;
  let next = fetchOffset;
  if (within.length > 0) next = (BigInt(within[within.length - 1]!.offset) + 1n).toString();
  // Every raw record sits before the fetch offset (compaction removed the one asked for): step over it.
  else if (batch.isEmptyDueToLogCompactedMessages()) next = (BigInt(fetchOffset) + 1n).toString();
  const stable = data.lastStableOffset !== undefined && BigInt(data.lastStableOffset) >= 0n ? data.lastStableOffset : data.highWatermark;
  return {
    records: batch.messages.map((message) => toRawRecord(topic, data.partition, message)),
    next,
    highWatermark: data.highWatermark,
    end: stable,
  };
}

function toRawRecord(topic: string, partition: number, message: KafkaMessage): RawRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key ?? null,
    value: message.value ?? null,
    headers: toHeaders(message.headers),
  };
}

/** KafkaJS folds headers into an object (repeated keys become arrays); the wire keeps a list. */
function toHeaders(headers: KafkaMessage['headers']): RawHeader[] {
  if (!headers) return [];
  const list: RawHeader[] = [];
  for (const [key, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      list.push({ key, value: item === null || item === undefined ? null : Buffer.isBuffer(item) ? item : Buffer.from(item) });
    }
  }
  return list;
}
