import type { ClusterReads, TopicMeta } from './cluster-reads';
import { toGatewayError } from './error-map';
import { GatewayError } from './gateway';

/**
 * The topic's metadata, or NOT_FOUND. Asked by listing every topic (one Metadata request), because
 * a Metadata request that names a missing topic creates it on brokers with auto-creation on: a typo
 * must not make topics. `all` receives every topic the broker listed.
 */
export async function findTopic(reads: ClusterReads, topic: string, all?: (topics: TopicMeta[]) => void): Promise<TopicMeta> {
  let topics: TopicMeta[];
  try {
    topics = await reads.topics();
  } catch (error) {
    throw toGatewayError(error, `cannot look up topic ${topic}`);
  }
  all?.(topics);
  const found = topics.find((t) => t.name === topic);
  if (!found) throw new GatewayError('NOT_FOUND', `topic ${topic} does not exist`);
  return found;
}
