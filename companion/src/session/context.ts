import type { CompanionConfig } from '../config/types';
import type { KafkaGateway } from '../kafka/gateway';
import type { FailedPairings } from './auth';

/** What every session of one companion shares. */
export interface SessionContext {
  config: CompanionConfig;
  /** The gateway of a cluster profile by name (throws NOT_FOUND for an unknown one). */
  gatewayFor(cluster: string): KafkaGateway;
  serverVersion: string;
  pairings: FailedPairings;
  log: { warn(message: string): void; error(message: string): void };
}
