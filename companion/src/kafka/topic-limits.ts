import type { Admin } from 'kafkajs';
import { DEFAULT_MAX_MESSAGE_BYTES } from './batch-size';

/** How long a topic's `max.message.bytes` is trusted: an operator may change it at any time. */
const TTL_MS = 60_000;

/**
 * A topic's `max.message.bytes` (the largest record batch its partitions accept), read with
 * DescribeConfigs and cached per topic for a minute. A broker without DescribeConfigs (the test
 * broker) or a refused read gives Kafka's default, 1 MiB + 12: the limit of a cluster nobody tuned.
 */
export function createTopicLimits(admin: () => Promise<Admin>, now: () => number = Date.now): (topic: string) => Promise<number> {
  const cache = new Map<string, { bytes: number; at: number }>();
  return async (topic) => {
    const hit = cache.get(topic);
    if (hit && now() - hit.at < TTL_MS) return hit.bytes;
    let bytes = DEFAULT_MAX_MESSAGE_BYTES;
    try {
      // ConfigResourceTypes.TOPIC is 2 in the Kafka protocol.
      const { resources } = await (await admin()).describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic, configNames: ['max.message.bytes'] }] });
      const value = Number(resources[0]?.configEntries.find((e) => e.configName === 'max.message.bytes')?.configValue);
      if (Number.isSafeInteger(value) && value > 0) bytes = value;
    } catch {
      // Unsupported or refused: keep the default (it is what an untuned broker enforces).
    }
    cache.set(topic, { bytes, at: now() });
    return bytes;
  };
}
