import type { KafkaGateway } from '../kafka/gateway';
import { DEMO_TOPICS, type DemoTopic, demoRecord, seededRandom } from './demo-events';

export interface Generator {
  stop(): Promise<void>;
}

/** Rough events per second per topic: busy enough to look alive, quiet enough to read. */
const RATES: Record<DemoTopic, number> = { orders: 2, payments: 2, 'page-views': 6, 'audit-log': 1, 'sensor-readings': 3, shipments: 1, inventory: 1 };

/**
 * Produces demo events through the gateway every `tickMs`. A failed send is reported (once, until a
 * send succeeds again) and the next tick tries again, so a demo never dies of one error. Stops for good when `signal` aborts (the
 * companion is shutting down): nothing is sent or reported after that.
 */
export function startGenerator(gateway: KafkaGateway, options: { tickMs?: number; seed?: number; onError?: (error: unknown) => void; signal?: AbortSignal } = {}): Generator {
  const tickMs = options.tickMs ?? 500;
  const random = seededRandom(options.seed ?? Date.now());
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let failing = false;

  const tick = async () => {
    for (const { name } of DEMO_TOPICS) {
      if (stopped) return;
      const expected = (RATES[name] * tickMs) / 1000;
      const count = Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
      if (count === 0) continue;
      const now = new Date();
      const records = Array.from({ length: count }, () => demoRecord(name, random, now));
      await gateway.produce(name, records).then(
        () => void (failing = false),
        (error: unknown) => {
          // One report per outage, not one per topic and tick: quiet until a send succeeds again.
          if (!stopped && !failing) options.onError?.(error);
          failing = true;
        },
      );
    }
  };
  const timer = setInterval(() => {
    if (!stopped) running = running.then(tick);
  }, tickMs);
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
  if (options.signal?.aborted) void stop();
  options.signal?.addEventListener('abort', () => void stop(), { once: true });
  return { stop };
}

/**
 * A first screenful per topic, so a tail from earliest shows data at once. When `signal` aborts
 * (shutdown began) it stops between topics, and a send that fails because of the shutdown is not
 * an error: it resolves quietly. Any other failure rejects.
 */
export async function seedDemoTopics(gateway: KafkaGateway, options: { perTopic?: number; seed?: number; signal?: AbortSignal } = {}): Promise<void> {
  const { perTopic = 25, seed = 42, signal } = options;
  const random = seededRandom(seed);
  for (const { name } of DEMO_TOPICS) {
    if (signal?.aborted) return;
    const start = Date.now() - perTopic * 1000;
    const records = Array.from({ length: perTopic }, (_, i) => {
      const at = start + i * 1000;
      return { ...demoRecord(name, random, new Date(at)), timestamp: String(at) };
    });
    try {
      await gateway.produce(name, records);
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
  }
}
