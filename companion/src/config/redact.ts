import type { CompanionConfig } from './types';

const HIDDEN = '***';

/** A copy safe to log or print: the pairing token and every SASL password replaced by "***". */
export function redactConfig(config: CompanionConfig): CompanionConfig {
  return {
    ...config,
    token: HIDDEN,
    clusters: config.clusters.map((cluster) =>
      cluster.sasl ? { ...cluster, sasl: { ...cluster.sasl, password: HIDDEN } } : { ...cluster },
    ),
  };
}
