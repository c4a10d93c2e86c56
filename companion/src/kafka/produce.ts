import { type IHeaders, type Message, Partitioners, type Producer } from 'kafkajs';
import type { ClusterReads } from './cluster-reads';
import { toGatewayError } from './error-map';
import { GatewayError, type RawOutgoingRecord } from './gateway';
import { findTopic } from './topic-exists';

/**
 * The shared producer. KafkaJS's producer keeps every topic it ever sent to and names them all in
 * each metadata refresh, so once one of them is deleted every send fails (issue 9). The source is
 * told which topics exist now and replaces a producer that tracks one that does not.
 */
export interface ProducerSource {
  forTopic(topic: string, existing: ReadonlySet<string>): Promise<Producer>;
}

export interface Produced {
  partition: number;
  offset: string;
}

/**
 * Sends records and answers, per record in input order, the partition and offset Kafka gave it.
 * The partition of a record without one is chosen here with KafkaJS's default (Java-compatible
 * murmur2) partitioner, so each record's partition is known and every record is sent with one:
 * offsets then follow from each partition's base offset and the send order within it.
 */
export async function produceRecords(producers: ProducerSource, reads: ClusterReads, topic: string, records: RawOutgoingRecord[]): Promise<Produced[]> {
  const nullHeader = records.findIndex((record) => record.headers.some((header) => header.value === null));
  if (nullHeader >= 0) {
    // Kafka allows it, but KafkaJS 2.2.4 throws while sizing a null header value; refuse it clearly.
    throw new GatewayError('BAD_FRAME', `record ${nullHeader}: a header with a null value cannot be produced; send an empty value instead`);
  }
  let existing = new Set<string>();
  const partitionMetadata = (await findTopic(reads, topic, (all) => (existing = new Set(all.map((t) => t.name))))).partitions;
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

  let metadata: Awaited<ReturnType<Producer['send']>>;
  try {
    const producer = await producers.forTopic(topic, existing);
    metadata = await producer.send({ topic, acks: -1, messages });
  } catch (error) {
    throw toGatewayError(error, `produce to ${topic}`);
  }
  const base = new Map(metadata.map((m) => [m.partition, BigInt(m.baseOffset ?? m.offset ?? '0')]));
  const seen = new Map<number, bigint>();
  return messages.map(({ partition }) => {
    const index = seen.get(partition) ?? 0n;
    seen.set(partition, index + 1n);
    return { partition, offset: ((base.get(partition) ?? 0n) + index).toString() };
  });
}

/** Kafka headers are a list; KafkaJS takes an object, with an array for a repeated key. */
function toHeaders(record: RawOutgoingRecord): IHeaders {
  const headers: Record<string, Array<Buffer | null>> = {};
  for (const { key, value } of record.headers) (headers[key] ??= []).push(value);
  return Object.fromEntries(Object.entries(headers).map(([key, values]) => [key, values.length === 1 ? values[0] : values])) as IHeaders;
}
