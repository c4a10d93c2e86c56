import type { ClusterProfile } from '../config/types';
import { type KafkaGateway, GatewayError } from '../kafka/gateway';

export interface GatewayRegistry {
  /** The gateway of a configured cluster, created on first use. Unknown names are NOT_FOUND. */
  get(cluster: string): KafkaGateway;
  closeAll(): Promise<void>;
}

/** One gateway per cluster profile, made lazily so an unreachable cluster costs nothing until used. */
export function createGatewayRegistry(clusters: ClusterProfile[], create: (profile: ClusterProfile) => KafkaGateway): GatewayRegistry {
  const gateways = new Map<string, KafkaGateway>();
  return {
    get(cluster) {
      const existing = gateways.get(cluster);
      if (existing) return existing;
      const profile = clusters.find((candidate) => candidate.name === cluster);
      if (!profile) throw new GatewayError('NOT_FOUND', `no cluster profile named "${cluster}"`);
      const gateway = create(profile);
      gateways.set(cluster, gateway);
      return gateway;
    },
    async closeAll() {
      const all = [...gateways.values()];
      gateways.clear();
      await Promise.allSettled(all.map((gateway) => gateway.close()));
    },
  };
}
