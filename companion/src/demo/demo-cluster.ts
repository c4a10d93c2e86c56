import type { ClusterProfile } from '../config/types';
import type { KafkaGateway } from '../kafka/gateway';
import { DEMO_TOPICS } from './demo-events';
import { type Generator, seedDemoTopics, startGenerator } from './generator';
import { type MockBroker, startMockBroker } from './mock-broker';

export interface DemoCluster {
  profile: ClusterProfile;
  /** Seeds the demo topics and starts producing events through the companion's own gateway. */
  startEvents(gateway: KafkaGateway, onError: (error: unknown) => void): Promise<void>;
  stop(): Promise<void>;
}

export const MOCK_FETCH_MAX_WAIT_MS = 20;

/** The test broker with the demo topics, for a first run with no cluster configured. */
export async function startDemoCluster(): Promise<DemoCluster> {
  const broker: MockBroker = await startMockBroker({ brokers: 1 });
  for (const topic of DEMO_TOPICS) await broker.control(`topic ${topic.name} ${topic.partitions}`);
  let generator: Generator | null = null;
  return {
    // The mock holds an empty Fetch answer for the whole wait, even when records arrive meanwhile
    // (real Kafka answers at once), so a short wait is what keeps the demo's tail live.
    profile: { name: 'demo', brokers: broker.brokers, demo: true, fetchMaxWaitMs: MOCK_FETCH_MAX_WAIT_MS },
    async startEvents(gateway, onError) {
      await seedDemoTopics(gateway);
      generator = startGenerator(gateway, { onError });
    },
    async stop() {
      await generator?.stop();
      await broker.stop();
    },
  };
}
