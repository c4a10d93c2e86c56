import type { ClusterProfile } from '../config/types';
import type { KafkaGateway } from '../kafka/gateway';
import type { SlowConsumer } from '../kafka/slow-consumer';
import { DEMO_GROUP, startDemoConsumer } from './demo-consumer';
import { DEMO_TOPICS } from './demo-events';
import { DEMO_SCHEMAS } from './demo-schemas';
import { type Generator, seedDemoTopics, startGenerator } from './generator';
import { type MockBroker, startMockBroker } from './mock-broker';

export interface DemoCluster {
  profile: ClusterProfile;
  /**
   * Seeds the demo topics and starts producing events through the companion's own gateway, until
   * `signal` aborts (shutdown). Never rejects: a failure is handed to `report` as one line, and
   * nothing is reported once the shutdown began.
   */
  startEvents(gateway: KafkaGateway, options: { signal: AbortSignal; report: (line: string) => void }): Promise<void>;
  stop(): Promise<void>;
}

export const MOCK_FETCH_MAX_WAIT_MS = 20;

/** The test broker with the demo topics, for a first run with no cluster configured. */
export async function startDemoCluster(): Promise<DemoCluster> {
  // Out of the terminal's process group: Ctrl-C reaches only the companion, which then stops the
  // broker after its own Kafka connections (a broker killed first fails sends in flight). The
  // launcher exits when its stdin closes, so it never outlives the companion.
  const broker: MockBroker = await startMockBroker({ brokers: 1, ownGroup: true });
  for (const topic of DEMO_TOPICS) await broker.control(`topic ${topic.name} ${topic.partitions}`);
  let generator: Generator | null = null;
  let consumer: SlowConsumer | null = null;
  // Its consumer group is listed even though the mock has no ListGroups (see listGroups).
  const profile: ClusterProfile = { name: 'demo', brokers: broker.brokers, demo: true, fetchMaxWaitMs: MOCK_FETCH_MAX_WAIT_MS, schemas: DEMO_SCHEMAS, ownGroups: [DEMO_GROUP] };
  return {
    // The mock holds an empty Fetch answer for the whole wait, even when records arrive meanwhile
    // (real Kafka answers at once), so a short wait is what keeps the demo's tail live.
    // Its Avro and Protobuf topics decode from local schemas: the demo has no registry.
    profile,
    async startEvents(gateway, { signal, report }) {
      const onError = (error: unknown) => {
        if (!signal.aborted) report(`demo generator: ${oneLine(error)} (retrying; reported again after a send succeeds)`);
      };
      let seeded = false;
      try {
        await seedDemoTopics(gateway, { signal });
        seeded = true;
      } catch (error) {
        if (!signal.aborted) report(`demo: could not seed the demo topics: ${oneLine(error)}`);
      }
      if (signal.aborted) return;
      generator = startGenerator(gateway, { onError, signal });
      // Only on a broker that took the seed: after a failed seeding the generator's line already says the broker is gone.
      if (seeded) consumer = startDemoConsumer(profile, { signal, onError: (error) => void (signal.aborted || report(`demo consumer group: ${oneLine(error)}`)) });
    },
    async stop() {
      await Promise.all([generator?.stop(), consumer?.stop()]);
      await broker.stop();
    },
  };
}

/** An error as one line: its message, never a stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0]!.trim() || 'unknown error';
}
