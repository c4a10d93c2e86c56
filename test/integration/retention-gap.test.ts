import type { StatusFrame } from '@kafka-inspector/shared';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createTestTopic, isMockBroker, testBrokers } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';

const text = (t: string) => ({ encoding: 'text' as const, text: t });

/**
 * Records deleted before a paused tail read them: the test broker drops the oldest beyond ~5 MB per
 * partition; a real cluster is made to with DeleteRecords. Either way the client must be told.
 */
describe('a tail that falls behind retention', () => {
  const paired = usePairedCompanion();

  it('reports the deleted offsets with `skipped`, then goes on from the oldest kept record with no other gap', async () => {
    const { client } = paired;
    const topic = await createTestTopic(1);
    const produce = (count: number, size: number) =>
      client.ok({ type: 'produce', topic, records: Array.from({ length: count }, (_, i) => ({ partition: 0, key: text(`k${i}`), value: text('x'.repeat(size)) })) });

    await produce(10, 10);
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await client.waitForRecords(streamId, 10);
    await client.ok({ type: 'tailPause', streamId });

    if (isMockBroker()) {
      // 8 MB in 100 KB records: more than the test broker keeps, so offset 10 and on are dropped.
      for (let batch = 0; batch < 8; batch++) await produce(10, 100 * 1024);
    } else {
      await produce(80, 10);
      const admin = new Kafka({ clientId: 'ki-test-admin', brokers: testBrokers(), logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        // KafkaJS's deleteTopicRecords finds leaders in metadata it already holds: load the topic's first.
        await admin.fetchTopicMetadata({ topics: [topic] });
        await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '50' }] });
      } finally {
        await admin.disconnect();
      }
    }
    const { partitions } = await client.ok({ type: 'describeTopic', topic });
    const low = BigInt(partitions[0]!.low);
    const high = BigInt(partitions[0]!.high);
    expect(low).toBeGreaterThan(10n);

    await client.ok({ type: 'tailResume', streamId });
    const notice = await client.waitFor<StatusFrame>((f) => f.type === 'status' && f.streamId === streamId && f.skipped !== undefined);
    expect(notice.skipped).toEqual([{ partition: 0, from: '10', to: String(low) }]);
    expect(notice.message).toContain(`partition 0 offsets 10-${low - 1n}`);

    const total = 10 + Number(high - low);
    const records = await client.waitForRecords(streamId, total, 20_000);
    // Every kept offset once, in order, right after the reported gap.
    expect(records.map((r) => r.offset)).toEqual([...Array.from({ length: 10 }, (_, i) => String(i)), ...Array.from({ length: Number(high - low) }, (_, i) => String(low + BigInt(i)))]);
    await client.ok({ type: 'tailStop', streamId });
  });
});
