import { PROTOCOL_VERSION, type Welcome } from '@kafka-inspector/shared';
import type { CompanionConfig } from '../config/types';

/** The handshake reply: what this companion can do, and which clusters it knows (no credentials). */
export function welcomeFor(config: CompanionConfig, serverVersion: string): Welcome {
  const { limits } = config;
  return {
    protocol: PROTOCOL_VERSION,
    server: { name: 'kafka-inspector', version: serverVersion },
    capabilities: {
      readOnly: config.readOnly,
      produceAllowList: config.produceAllowList,
      cel: true,
      schemaRegistry: config.clusters.some((cluster) => cluster.schemaRegistry !== undefined),
      // Every limit the doc lists, named as in the config file's `limits`.
      limits: {
        maxFrameBytes: limits.maxFrameBytes,
        maxRecordBytes: limits.maxRecordBytes,
        maxValuePreviewBytes: limits.maxValuePreviewBytes,
        maxStreamsPerSocket: limits.maxStreamsPerSocket,
        maxStreamsTotal: limits.maxStreamsTotal,
        maxSockets: limits.maxSockets,
        maxBatchRecords: limits.maxBatchRecords,
        batchIntervalMs: limits.batchIntervalMs,
        highWaterBytes: limits.highWaterBytes,
      },
    },
    clusters: config.clusters.map((cluster, index) => ({
      name: cluster.name,
      default: index === 0,
      brokers: cluster.brokers,
      tls: Boolean(cluster.tls),
      sasl: cluster.sasl?.mechanism ?? null,
      demo: cluster.demo ?? false,
    })),
  };
}
