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

/** The test broker with the demo topics, for a first run with no cluster configured. */
export async function startDemoCluster(): Promise<DemoCluster> {
  const broker: MockBroker = await startMockBroker({ brokers: 1 });
  for (const topic of DEMO_TOPICS) await broker.control(`topic ${topic.name} ${topic.partitions}`);
  let generator: Generator | null = null;
  return {
    profile: { name: 'demo', brokers: broker.brokers, demo: true },
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
