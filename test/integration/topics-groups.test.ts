import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createTestTopic, isMockBroker, testBrokers, testGroupId } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';

describe('cluster, topics and groups over the protocol', () => {
  const paired = usePairedCompanion();

  it('describeCluster names the profile and its brokers; an unknown profile is NOT_FOUND', async () => {
    const { client } = paired;
    const info = await client.ok({ type: 'describeCluster' });
    expect(info.cluster).toBe('test');
    expect(info.brokers.length).toBeGreaterThan(0);
    expect(await client.fails({ type: 'describeCluster', cluster: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  // Real Kafka here is ../shared/kafka's 3.1.0; librdkafka's mock answers a mix no release matches.
  it(`describeCluster infers the Kafka version from ApiVersions: ${isMockBroker() ? "unknown on librdkafka's mock broker" : '3.1 on real Kafka (KAFKA_BROKERS)'}`, async () => {
    const info = await paired.client.ok({ type: 'describeCluster' });
    expect(info.version).toEqual({ name: isMockBroker() ? 'unknown' : '3.1', inferredFrom: 'apiVersions' });
  });

  it('listTopics searches by name on the server and reports counts; describeTopic shows partitions', async () => {
    const { client } = paired;
    const topic = await createTestTopic(2, 'ki-search');
    await client.ok({ type: 'produce', topic, records: [{ partition: 0, value: { encoding: 'text', text: 'a' } }, { partition: 1, value: { encoding: 'text', text: 'b' } }, { partition: 1, value: { encoding: 'text', text: 'c' } }] });
    const { topics } = await client.ok({ type: 'listTopics', search: topic.slice(0, 14).toUpperCase() });
    expect(topics.every((t) => t.name.toLowerCase().includes(topic.slice(0, 14)))).toBe(true);
    expect(topics.find((t) => t.name === topic)).toMatchObject({ partitions: 2, messageCount: '3', internal: false });
    const detail = await client.ok({ type: 'describeTopic', topic });
    expect(detail.partitions.map((p) => [p.partition, p.low, p.high])).toEqual([[0, '0', '1'], [1, '0', '2']]);
    expect(await client.fails({ type: 'describeTopic', topic: 'no-such-topic-x' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('describeGroup reports committed offsets and lag of a real consumer group (OffsetFetch)', async () => {
    const { client } = paired;
    const topic = await createTestTopic(1);
    await client.ok({ type: 'produce', topic, records: Array.from({ length: 5 }, () => ({ value: { encoding: 'text' as const, text: 'x' } })) });
    const groupId = testGroupId();
    const consumer = new Kafka({ clientId: 'ki-test', brokers: testBrokers(), logLevel: logLevel.NOTHING }).consumer({ groupId });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: async () => {} });
    await joined;
    await consumer.commitOffsets([{ topic, partition: 0, offset: '2' }]);
    await consumer.disconnect();
    const detail = await client.ok({ type: 'describeGroup', groupId, topics: [topic] });
    expect(detail.offsets).toEqual([{ topic, partition: 0, committed: '2', end: '5', lag: '3' }]);
    expect(detail.totalLag).toBe('3');
  });

  it.runIf(isMockBroker())('listGroups on the test broker (no ListGroups API) answers a typed error, not a crash', async () => {
    const { client } = paired;
    const error = await client.fails({ type: 'listGroups' });
    expect(['UNSUPPORTED_BY_BROKER', 'KAFKA_ERROR', 'KAFKA_UNAVAILABLE', 'TIMEOUT']).toContain(error.code);
    await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
  });

  it.runIf(!isMockBroker())('listGroups shows a live group with its state (needs real Kafka: ListGroups, DescribeGroups)', async () => {
    const { client } = paired;
    const topic = await createTestTopic(1);
    const groupId = testGroupId();
    const consumer = new Kafka({ clientId: 'ki-test', brokers: testBrokers(), logLevel: logLevel.NOTHING }).consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic });
    await consumer.run({ eachMessage: async () => {} });
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const { groups } = await client.ok({ type: 'listGroups' });
    expect(groups.find((g) => g.groupId === groupId)).toMatchObject({ state: 'Stable', members: 1 });
    await consumer.disconnect();
  });
});
