import type { Admin } from 'kafkajs';
import { toGatewayError } from './error-map';
import { GatewayError } from './gateway';

/**
 * NOT_FOUND unless the topic exists. Asked by listing every topic, because a Metadata request that
 * names a missing topic creates it on brokers with auto-creation on: a typo must not make topics.
 */
export async function assertTopicExists(admin: Admin, topic: string): Promise<void> {
  let topics: string[];
  try {
    topics = await admin.listTopics();
  } catch (error) {
    throw toGatewayError(error, `cannot look up topic ${topic}`);
  }
  if (!topics.includes(topic)) throw new GatewayError('NOT_FOUND', `topic ${topic} does not exist`);
}
