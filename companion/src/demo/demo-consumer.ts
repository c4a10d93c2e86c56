import type { ClusterProfile } from '../config/types';
import { type SlowConsumer, startSlowConsumer } from '../kafka/slow-consumer';

/** The demo's consumer group: it reads `orders` slower than the generator writes them, so it has lag. */
export const DEMO_GROUP = 'demo-order-processor';

/** Orders arrive at about 2 a second: one record "processed" a second falls behind steadily. */
export function startDemoConsumer(profile: ClusterProfile, options: { signal: AbortSignal; onError: (error: unknown) => void }): SlowConsumer {
  return startSlowConsumer(profile, { groupId: DEMO_GROUP, topic: 'orders', processMs: 1000, ...options });
}
