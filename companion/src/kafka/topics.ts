import type { Admin } from 'kafkajs';
import type { TopicConfigEntry, TopicDetail, TopicSummary } from '@kafka-inspector/shared';
import { type ClusterReads, protocolError, type TopicMeta, type Watermark } from './cluster-reads';
import { toGatewayError } from './error-map';
import type { TopicFilter } from './gateway';
import { findTopic } from './topic-exists';

/** Kafka's own topics (__consumer_offsets, __transaction_state) start with two underscores. */
const isInternal = (topic: TopicMeta) => topic.internal || topic.name.startsWith('__');

/** The topics a listing shows: internal ones only when asked, and names containing `search` (any case). */
export function matchesFilter(topic: TopicMeta, filter: TopicFilter = {}): boolean {
  const search = filter.search?.toLowerCase();
  return (filter.includeInternal || !isInternal(topic)) && (!search || topic.name.toLowerCase().includes(search));
}

/**
 * One Metadata request for every topic, then ListOffsets (earliest and latest) only for the
 * partitions of the topics the filter keeps, one request per leader broker. A partition whose
 * watermarks cannot be read (the topic was deleted meanwhile, a leader moved) marks its row with
 * `error` instead of failing the list; `messageCount` then counts the partitions that answered.
 */
export async function listTopics(reads: ClusterReads, filter: TopicFilter = {}): Promise<TopicSummary[]> {
  try {
    const topics = (await reads.topics()).filter((topic) => matchesFilter(topic, filter));
    const watermarks = await reads.watermarks(topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionId, leader: p.leader }))));
    return topics
      .map((topic) => summarize(topic, watermarks.get(topic.name) ?? new Map()))
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    throw toGatewayError(error, 'cannot list topics');
  }
}

/** One row of the listing; exported for the unit tests. */
export function summarize(topic: TopicMeta, watermarks: Map<number, Watermark>): TopicSummary {
  let count = 0n;
  let failed: { partition: number; error: Error } | null = topic.errorCode ? { partition: -1, error: protocolError(topic.errorCode) } : null;
  for (const { partitionId } of topic.partitions) {
    const mark = watermarks.get(partitionId);
    if (mark && 'low' in mark) count += BigInt(mark.high) - BigInt(mark.low);
    else failed ??= { partition: partitionId, error: mark?.error ?? new Error('no answer') };
  }
  const summary: TopicSummary = {
    name: topic.name,
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    messageCount: count.toString(),
    internal: isInternal(topic),
  };
  if (!failed) return summary;
  const where = failed.partition >= 0 ? `partition ${failed.partition}` : 'topic';
  const { code, message } = toGatewayError(failed.error, `cannot read the watermarks of ${topic.name} (${where})`);
  return { ...summary, error: { code, message } };
}

export async function describeTopic(reads: ClusterReads, admin: Admin, name: string): Promise<TopicDetail> {
  let detail: Omit<TopicDetail, 'configs' | 'configsError'>;
  try {
    const topic = await findTopic(reads, name);
    const marks = (await reads.watermarks(topic.partitions.map((p) => ({ topic: name, partition: p.partitionId, leader: p.leader })))).get(name) ?? new Map<number, Watermark>();
    const partitions = topic.partitions.map((p) => {
      const mark = marks.get(p.partitionId);
      if (!mark || !('low' in mark)) throw mark?.error ?? new Error(`partition ${p.partitionId} did not answer ListOffsets`);
      return { partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr, low: mark.low, high: mark.high };
    });
    detail = { name, internal: isInternal(topic), partitions };
  } catch (error) {
    throw toGatewayError(error, `cannot describe topic ${name}`);
  }
  try {
    return { ...detail, configs: await describeConfigs(admin, name) };
  } catch (error) {
    // Partitions are still worth showing when the broker cannot describe configs (the test broker cannot).
    const { code, message } = toGatewayError(error, 'DescribeConfigs');
    return { ...detail, configs: null, configsError: { code, message } };
  }
}

async function describeConfigs(admin: Admin, topic: string): Promise<TopicConfigEntry[]> {
  // ConfigResourceTypes.TOPIC is 2 in the Kafka protocol.
  const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic }] });
  return (resources[0]?.configEntries ?? [])
    .map((entry) => ({
      name: entry.configName,
      // Kafka already withholds sensitive values; never forward one even if a broker sends it.
      value: entry.isSensitive ? null : entry.configValue,
      isDefault: entry.isDefault,
      readOnly: entry.readOnly,
      sensitive: entry.isSensitive,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
