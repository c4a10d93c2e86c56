import type { Admin } from 'kafkajs';
import type { TopicConfigEntry, TopicDetail, TopicSummary } from '@kafka-inspector/shared';
import { toGatewayError } from './error-map';
import { assertTopicExists } from './topic-exists';

/** Kafka's own topics (__consumer_offsets, __transaction_state) start with two underscores. */
const isInternal = (name: string) => name.startsWith('__');

/** Sum over partitions of high - low: an estimate, skewed by compaction and transaction markers. */
const messageCount = (offsets: Array<{ high: string; low: string }>) => offsets.reduce((sum, p) => sum + BigInt(p.high) - BigInt(p.low), 0n).toString();

export async function listTopics(admin: Admin): Promise<TopicSummary[]> {
  try {
    const { topics } = await admin.fetchTopicMetadata();
    const summaries = await Promise.all(
      topics.map(async (topic) => ({
        name: topic.name,
        partitions: topic.partitions.length,
        replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
        messageCount: messageCount(await admin.fetchTopicOffsets(topic.name)),
        internal: isInternal(topic.name),
      })),
    );
    return summaries.sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    throw toGatewayError(error, 'cannot list topics');
  }
}

export async function describeTopic(admin: Admin, name: string): Promise<TopicDetail> {
  let detail: Omit<TopicDetail, 'configs' | 'configsError'>;
  try {
    await assertTopicExists(admin, name);
    const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
    const offsets = new Map((await admin.fetchTopicOffsets(name)).map((p) => [p.partition, p]));
    const partitions = (topics[0]?.partitions ?? [])
      .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr, low: offsets.get(p.partitionId)?.low ?? '0', high: offsets.get(p.partitionId)?.high ?? '0' }))
      .sort((a, b) => a.partition - b.partition);
    detail = { name, internal: isInternal(name), partitions };
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
