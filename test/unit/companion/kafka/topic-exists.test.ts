import { describe, expect, it } from 'vitest';
import type { ClusterReads, TopicMeta } from '../../../../companion/src/kafka/cluster-reads';
import { findTopic, topicExists } from '../../../../companion/src/kafka/topic-exists';

const meta = (name: string, errorCode = 0): TopicMeta => ({ name, internal: false, partitions: [], errorCode });

/** Answers Metadata like a broker asked for named topics: the ones it has, and error 3 or 29 for the others. */
function readsOf(topics: TopicMeta[], asked: Array<readonly string[] | undefined>): ClusterReads {
  return {
    topics: async (names) => {
      asked.push(names);
      return names ? names.map((name) => topics.find((t) => t.name === name) ?? meta(name, 3)) : topics;
    },
  } as Partial<ClusterReads> as ClusterReads;
}

describe('findTopic: one Metadata request for the named topics only', () => {
  it('asks for the topic and the others named, and tells the caller which of them exist', async () => {
    const asked: Array<readonly string[] | undefined> = [];
    let seen: TopicMeta[] = [];
    const found = await findTopic(readsOf([meta('orders'), meta('payments')], asked), 'orders', ['payments', 'gone'], (topics) => (seen = topics));
    expect(found.name).toBe('orders');
    expect(asked).toEqual([['orders', 'payments', 'gone']]);
    expect(seen.filter(topicExists).map((t) => t.name)).toEqual(['orders', 'payments']);
  });

  it('is NOT_FOUND for a topic the broker does not know (UNKNOWN_TOPIC_OR_PARTITION)', async () => {
    await expect(findTopic(readsOf([meta('orders')], []), 'ordrs')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'topic ordrs does not exist' });
  });

  it('is NOT_FOUND, naming the reason, for a topic these credentials may not describe (TOPIC_AUTHORIZATION_FAILED)', async () => {
    await expect(findTopic(readsOf([meta('secret', 29)], []), 'secret')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('TOPIC_AUTHORIZATION_FAILED') });
  });

  it('finds a topic still being created (no leader yet: LEADER_NOT_AVAILABLE)', async () => {
    await expect(findTopic(readsOf([meta('new', 5)], []), 'new')).resolves.toMatchObject({ name: 'new', errorCode: 5 });
  });

  it('finds the topic in a full listing too (brokers before Kafka 0.11 list every topic)', async () => {
    const listing: ClusterReads = { topics: async () => [meta('a'), meta('orders'), meta('z')] } as Partial<ClusterReads> as ClusterReads;
    await expect(findTopic(listing, 'orders')).resolves.toMatchObject({ name: 'orders' });
    await expect(findTopic(listing, 'missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
