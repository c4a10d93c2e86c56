import type { KafkaGateway } from '../kafka/gateway';
import { DEMO_TOPICS, type DemoTopic, demoRecord, seededRandom } from './demo-events';

export interface Generator {
  stop(): Promise<void>;
}

/** Rough events per second per topic: busy enough to look alive, quiet enough to read. */
const RATES: Record<DemoTopic, number> = { orders: 2, payments: 2, 'page-views': 6, 'audit-log': 1, 'sensor-readings': 3 };

/**
 * Produces demo events through the gateway every `tickMs`. A failed send is reported and the next
 * tick tries again, so a demo never dies of one error.
 */
export function startGenerator(gateway: KafkaGateway, options: { tickMs?: number; seed?: number; onError?: (error: unknown) => void } = {}): Generator {
  const tickMs = options.tickMs ?? 500;
  const random = seededRandom(options.seed ?? Date.now());
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async () => {
    for (const { name } of DEMO_TOPICS) {
      const expected = (RATES[name] * tickMs) / 1000;
      const count = Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
      if (count === 0) continue;
      const now = new Date();
      const records = Array.from({ length: count }, () => demoRecord(name, random, now));
      await gateway.produce(name, records).catch((error: unknown) => options.onError?.(error));
    }
  };
  const timer = setInterval(() => {
    if (!stopped) running = running.then(tick);
  }, tickMs);

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** A first screenful per topic, so a tail from earliest shows data at once. */
export async function seedDemoTopics(gateway: KafkaGateway, perTopic = 25, seed = 42): Promise<void> {
  const random = seededRandom(seed);
  for (const { name } of DEMO_TOPICS) {
    const start = Date.now() - perTopic * 1000;
    const records = Array.from({ length: perTopic }, (_, i) => {
      const at = start + i * 1000;
      return { ...demoRecord(name, random, new Date(at)), timestamp: String(at) };
    });
    await gateway.produce(name, records);
  }
}
