import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { deleteTestTopics, isMockBroker, testBrokers, testGroupId, testName } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';
import { createReadyTopics as createTopicsAndWait } from '../helpers/kafka-admin';

const text = (value: string) => ({ value: { encoding: 'text' as const, text: value } });
const admin = () => new Kafka({ clientId: 'ki-test-admin', brokers: testBrokers(), logLevel: logLevel.NOTHING }).admin();

/** Topics of `partitions` partitions, ready to read (see kafka-admin.ts for why this polls). */
const createReadyTopics = (names: string[], partitions: number, timeoutMs: number, ready?: () => Promise<boolean>) =>
  createTopicsAndWait(testBrokers(), names.map((topic) => ({ topic, numPartitions: partitions })), { timeoutMs, ready });

describe('topics on a real cluster: deletion', () => {
  const paired = usePairedCompanion();

  it.runIf(!isMockBroker())(
    'a deleted topic leaves listTopics, describeTopic, produce and describeGroup working (needs real Kafka: DeleteTopics)',
    { timeout: 90_000 },
    async () => {
      const { client } = paired;
      const [doomed, kept, fresh] = [testName('ki-test-doomed'), testName('ki-test-kept'), testName('ki-test-fresh')];
      await createReadyTopics([doomed, kept], 2, 30_000);
      const groupId = testGroupId();
      const a = admin();
      await a.connect();
      await a.setOffsets({ groupId, topic: doomed, partitions: [{ partition: 0, offset: '1' }] });
      await a.setOffsets({ groupId, topic: kept, partitions: [{ partition: 0, offset: '0' }] });
      await a.disconnect();
      // Every read path the companion has touches the topic before it goes.
      await client.ok({ type: 'produce', topic: doomed, records: [text('a'), text('b')] });
      expect((await client.ok({ type: 'listTopics', search: doomed })).topics.map((t) => t.name)).toEqual([doomed]);
      await client.ok({ type: 'describeTopic', topic: doomed });
      expect((await client.ok({ type: 'describeGroup', groupId, topics: [doomed] })).offsets.map((o) => o.committed)).toEqual(['1', null]);

      await deleteTestTopics([doomed]);
      // A topic created afterwards is new to the companion's metadata, so every path must load it.
      await createReadyTopics([fresh], 1, 30_000);
      const { topics } = await client.ok({ type: 'listTopics' });
      expect(topics.some((t) => t.name === doomed)).toBe(false);
      expect(topics.find((t) => t.name === fresh)).toMatchObject({ partitions: 1, messageCount: '0' });
      expect((await client.ok({ type: 'describeTopic', topic: fresh })).partitions).toHaveLength(1);
      expect(await client.ok({ type: 'produce', topic: fresh, records: [text('c')] })).toMatchObject({ records: [{ partition: 0, offset: '0' }] });
      expect((await client.ok({ type: 'describeGroup', groupId })).offsets).toContainEqual({ topic: kept, partition: 0, committed: '0', end: '0', lag: '0' });
      expect(await client.fails({ type: 'describeTopic', topic: doomed })).toMatchObject({ code: 'NOT_FOUND' });
      expect(await client.fails({ type: 'produce', topic: doomed, records: [text('d')] })).toMatchObject({ code: 'NOT_FOUND' });
    },
  );
});
