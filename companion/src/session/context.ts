import type { CompanionConfig } from '../config/types';
import type { KafkaGateway } from '../kafka/gateway';
import type { Admission } from './admission';
import type { FailedPairings } from './auth';
import type { StreamBudget } from './stream-registry';

/** What every session of one companion shares. */
export interface SessionContext {
  config: CompanionConfig;
  /** The gateway of a cluster profile by name (throws NOT_FOUND for an unknown one). */
  gatewayFor(cluster: string): KafkaGateway;
  serverVersion: string;
  pairings: FailedPairings;
  /** Places for unpaired and paired sockets, shared by all sessions. */
  admission: Admission;
  /** Open streams across all sessions (`maxStreamsTotal`). */
  streamBudget: StreamBudget;
  log: { warn(message: string): void; error(message: string): void };
}
