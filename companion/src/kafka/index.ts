import type { ClusterProfile } from '../config/types';
import { withConnectionDiagnosis } from './connection-diagnosis';
import type { KafkaGateway } from './gateway';
import { createKafkaJsGateway as createBareGateway } from './kafkajs-gateway';

/** The gateway of a cluster profile: KafkaJS, with connection failures explained (see connection-diagnosis.ts). */
export const createKafkaJsGateway = (profile: ClusterProfile): KafkaGateway => withConnectionDiagnosis(createBareGateway(profile), profile);
export * from './gateway';
