import type { ForcedDecoders } from '@kafka-inspector/shared';
import type { RecordDecoderSettings, TopicDecoderSettings } from '../codec/record-decoder';
import type { CompanionConfig } from '../config/types';

/**
 * The decoder settings of a cluster profile's tails: its registry and local schemas, with a tail's
 * forced decoders (tailStart `decoders`) laid over the topic's. Plain data, for a worker to clone.
 */
export function decoderSettingsFor(config: CompanionConfig, cluster: string | undefined, topic: string, forced?: ForcedDecoders): RecordDecoderSettings {
  const profile = (cluster === undefined ? undefined : config.clusters.find((c) => c.name === cluster)) ?? config.clusters[0];
  const settings: RecordDecoderSettings = {};
  if (profile?.schemaRegistry) settings.registry = profile.schemaRegistry;
  const own: TopicDecoderSettings = profile?.schemas?.[topic] ?? {};
  const merged: TopicDecoderSettings = {
    ...(own.key || forced?.key ? { key: { ...own.key, ...(forced?.key ? { decoder: forced.key } : {}) } } : {}),
    ...(own.value || forced?.value ? { value: { ...own.value, ...(forced?.value ? { decoder: forced.value } : {}) } } : {}),
  };
  if (merged.key || merged.value) settings.topics = { [topic]: merged };
  return settings;
}
