import { type IHeaders, type Message, Partitioners, type Producer } from 'kafkajs';
import { batchBytes, DEFAULT_MAX_REQUEST_BYTES } from './batch-size';
import type { ClusterReads, TopicMeta } from './cluster-reads';
import { toGatewayError } from './error-map';
import { GatewayError, type RawOutgoingRecord } from './gateway';
import { indexesByPartition, type PartitionOutcome, type ProducedRecord, producedRecords } from './produce-outcomes';
import { findTopic, topicExists } from './topic-exists';

/**
 * The shared producer. KafkaJS's producer keeps every topic it ever sent to and names them all in
 * each metadata refresh, so once one of them is deleted every send fails (issue 9). The source is
 * told which topics exist now and replaces a producer that tracks one that does not.
 */
export interface ProducerSource {
  /** The topics the current producer has sent to: each must be asked about before `forTopic`. */
  tracked(): readonly string[];
  /** `existing`: which of the topic and the tracked ones exist now. */
  forTopic(topic: string, existing: ReadonlySet<string>): Promise<Producer>;
}

/**
 * Sends records and answers, per record in input order, the partition and offset Kafka gave it, or
 * why it was not written. The partition of a record without one is chosen here with KafkaJS's
 * default (Java-compatible murmur2) partitioner, so each record's partition is known and every
 * record is sent with one: offsets then follow from each partition's base offset and the send
 * order within it.
 *
 * Each partition is one send of its own. In one send, a partition that fails (its leader down or
 * moved) fails the whole send although the other partitions were written, and when one partition
 * of a broker's request fails, KafkaJS's retry sends that broker's other partitions again: the
 * caller could not tell which records to send again. Apart, a failure costs only its partition's
 * records, a retry resends only them, and each record's fate is known.
 * Throws when nothing at all was written (see producedRecords).
 */
export async function produceRecords(
  producers: ProducerSource,
  reads: ClusterReads,
  topic: string,
  records: RawOutgoingRecord[],
  maxMessageBytes: (topic: string) => Promise<number>,
): Promise<ProducedRecord[]> {
  const nullHeader = records.findIndex((record) => record.headers.some((header) => header.value === null));
  if (nullHeader >= 0) {
    // Kafka allows it, but KafkaJS 2.2.4 throws while sizing a null header value; refuse it clearly.
    throw new GatewayError('BAD_FRAME', `record ${nullHeader}: a header with a null value cannot be produced; send an empty value instead`);
  }
  let existing = new Set<string>();
  const seen = (topics: TopicMeta[]) => (existing = new Set(topics.filter(topicExists).map((t) => t.name)));
  const partitionMetadata = (await findTopic(reads, topic, producers.tracked(), seen)).partitions;
  const partitionCount = partitionMetadata.length;
  const partitioner = Partitioners.DefaultPartitioner();
  const messages: Array<Message & { partition: number }> = records.map((record, index) => {
    const message: Message = { key: record.key, value: record.value, headers: toHeaders(record), ...(record.timestamp ? { timestamp: record.timestamp } : {}) };
    const partition = record.partition ?? partitioner({ topic, partitionMetadata, message });
    if (partition < 0 || partition >= partitionCount) {
      throw new GatewayError('NOT_FOUND', `record ${index}: topic ${topic} has no partition ${partition} (it has ${partitionCount})`);
    }
    return { ...message, partition };
  });
  assertBrokerTakes(topic, records, messages, await maxMessageBytes(topic));

  const partitions = messages.map((m) => m.partition);
  let producer: Producer;
  try {
    producer = await producers.forTopic(topic, existing);
  } catch (error) {
    throw toGatewayError(error, `produce to ${topic}`);
  }
  const sends = [...indexesByPartition(partitions)].map(async ([partition, indexes]): Promise<[number, PartitionOutcome]> => {
    try {
      const [metadata] = await producer.send({ topic, acks: -1, messages: indexes.map((i) => messages[i]!) });
      return [partition, { baseOffset: BigInt(metadata?.baseOffset ?? metadata?.offset ?? '0') }];
    } catch (error) {
      return [partition, { error: toGatewayError(error, `produce to ${topic} partition ${partition}`) }];
    }
  });
  return producedRecords(partitions, new Map(await Promise.all(sends)));
}

/**
 * Refuses, before anything is sent, a batch the broker would refuse in part: the broker checks each
 * partition's record batch against `max.message.bytes` and answers MESSAGE_TOO_LARGE for that
 * partition only, after writing the others. So every partition's batch is sized here first (and
 * the whole request against the broker's default `socket.request.max.bytes`).
 */
function assertBrokerTakes(topic: string, records: RawOutgoingRecord[], messages: Array<{ partition: number }>, limit: number): void {
  const byPartition = indexesByPartition(messages.map((m) => m.partition));
  const now = Date.now();
  let total = 0;
  for (const [partition, indexes] of byPartition) {
    const size = batchBytes(indexes.map((i) => records[i]!), now);
    total += size;
    if (size <= limit) continue;
    const alone = indexes.find((i) => batchBytes([records[i]!], now) > limit);
    const message =
      alone !== undefined
        ? `record ${alone} is too large for topic ${topic}: with Kafka's framing it takes ${batchBytes([records[alone]!], now)} bytes; the topic's max.message.bytes is ${limit}`
        : `the ${indexes.length} records for partition ${partition} make a ${size}-byte record batch; topic ${topic} takes at most ${limit} (max.message.bytes): send them in smaller produce requests`;
    throw new GatewayError('TOO_LARGE', `${message}; nothing was written`, { partition, indexes, size, limit, limitName: 'max.message.bytes' });
  }
  if (total > DEFAULT_MAX_REQUEST_BYTES) {
    throw new GatewayError('TOO_LARGE', `the batch is ${total} bytes; a broker takes requests of at most ${DEFAULT_MAX_REQUEST_BYTES} (socket.request.max.bytes); nothing was written`, {
      size: total,
      limit: DEFAULT_MAX_REQUEST_BYTES,
      limitName: 'socket.request.max.bytes',
    });
  }
}

/** Kafka headers are a list; KafkaJS takes an object, with an array for a repeated key. */
function toHeaders(record: RawOutgoingRecord): IHeaders {
  const headers: Record<string, Array<Buffer | null>> = {};
  for (const { key, value } of record.headers) (headers[key] ??= []).push(value);
  return Object.fromEntries(Object.entries(headers).map(([key, values]) => [key, values.length === 1 ? values[0] : values])) as IHeaders;
}
