import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createTestTopic, isMockBroker, testBrokers, testGroupId } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';

const texts = (count: number, partition: number) => Array.from({ length: count }, () => ({ partition, value: { encoding: 'text' as const, text: 'x' } }));

describe('consumer group detail on a real cluster', () => {
  const paired = usePairedCompanion();

  it.runIf(!isMockBroker())(
    'describeGroup lists every partition assigned to a live member, committed or not (needs real Kafka: DescribeGroups)',
    { timeout: 60_000 },
    async () => {
      const { client } = paired;
      const topic = await createTestTopic(2);
      await client.ok({ type: 'produce', topic, records: [...texts(30, 0), ...texts(100, 1)] });
      const groupId = testGroupId();
      const consumer = new Kafka({ clientId: 'ki-test', brokers: testBrokers(), logLevel: logLevel.NOTHING }).consumer({ groupId });
      try {
        const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({ autoCommit: false, eachMessage: async () => {} });
        await joined;
        // Partition 0 is committed; partition 1 is assigned to the same live member and never committed.
        await consumer.commitOffsets([{ topic, partition: 0, offset: '20' }]);

        const detail = await client.ok({ type: 'describeGroup', groupId });
        expect(detail.state).toBe('Stable');
        expect(detail.members?.[0]?.assignments).toEqual([{ topic, partitions: [0, 1] }]);
        // As kafka-consumer-groups shows it: CURRENT-OFFSET '-' and LAG '-' for the uncommitted one.
        expect(detail.offsets).toEqual([
          { topic, partition: 0, committed: '20', end: '30', lag: '10' },
          { topic, partition: 1, committed: null, end: '100', lag: null },
        ]);
        expect(detail.totalLag).toBe('10');
        // `topics` narrows the assigned partitions too.
        expect((await client.ok({ type: 'describeGroup', groupId, topics: ['some-other-topic'] })).offsets).toEqual([]);
      } finally {
        await consumer.disconnect();
      }
    },
  );

  it.runIf(!isMockBroker())('describeGroup of an unknown group is NOT_FOUND, as documented (needs real Kafka: DescribeGroups)', async () => {
    const { client } = paired;
    expect(await client.fails({ type: 'describeGroup', groupId: testGroupId('ki-test-no-such-group') })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
