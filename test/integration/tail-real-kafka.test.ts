import type { StatusFrame } from '@kafka-inspector/shared';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestTopic, deleteTestTopics, isMockBroker, testBrokers, testName } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';
import { connectionsTo, settle } from '../helpers/sockets';

/**
 * Tail behaviour a real Kafka broker exposes and the mock hides. The companion here keeps the
 * gateway's default fetch max wait (500 ms, as users run it; the shared test companion uses 200 ms),
 * so a Fetch really is parked at the broker while the topic is idle.
 */
describe('tails on a real broker', () => {
  const paired = usePairedCompanion({}, { fetchMaxWaitMs: null });
  const topics: string[] = [];
  afterAll(async () => {
    await deleteTestTopics(topics).catch(() => {});
  });

  const newTopic = async (partitions: number) => {
    const topic = await createTestTopic(partitions);
    topics.push(topic);
    return topic;
  };

  it('tailStop on an idle topic replies (and ends the stream) at once, not after the parked Fetch (max wait 500 ms)', async () => {
    const topic = await newTopic(3);
    const brokerPorts = testBrokers().map((b) => Number(b.split(':').at(-1)));
    const before = connectionsTo(brokerPorts);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { streamId } = await paired.client.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
      await paired.client.waitForStatus(streamId, 'caught-up');
      // Somewhere inside the broker's long poll.
      await new Promise((resolve) => setTimeout(resolve, 60 + i * 50));
      const started = performance.now();
      await paired.client.ok({ type: 'tailStop', streamId });
      times.push(performance.now() - started);
      expect(paired.client.statuses(streamId).at(-1)).toBe('ended');
    }
    console.log(`tailStop reply times (ms): ${times.map((t) => t.toFixed(1)).join(', ')}`);
    expect(Math.max(...times)).toBeLessThan(100);
    // The readers' connections still close, in the background, once their parked Fetch returns.
    expect(await settle(() => connectionsTo(brokerPorts) <= before, 5000), `broker connections ${connectionsTo(brokerPorts)}, before the tails ${before}`).toBe(true);
  });

  it.runIf(!isMockBroker())('tailStart right after the topic is created starts (needs real Kafka: CreateTopics)', async () => {
    const admin = new Kafka({ clientId: 'ki-test-admin', brokers: testBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      for (let round = 0; round < 5; round++) {
        const fresh = Array.from({ length: 4 }, () => testName('ki-fresh'));
        topics.push(...fresh);
        // No waitForLeaders: a user creates topics with any tool and tails them at once.
        await admin.createTopics({ topics: fresh.map((topic) => ({ topic, numPartitions: 8 })) });
        const replies = await Promise.all(fresh.map((topic) => paired.client.send({ type: 'tailStart', topic, start: { from: 'earliest' } })));
        for (const reply of replies) {
          if (reply.type === 'result') await paired.client.ok({ type: 'tailStop', streamId: (reply.result as { streamId: string }).streamId });
        }
        expect(replies.map((reply) => (reply.type === 'error' ? reply.error : 'started')), `tailStarts on topics created just now (round ${round})`).toEqual(fresh.map(() => 'started'));
      }
    } finally {
      await admin.disconnect();
    }
  });

  it.runIf(!isMockBroker())('a resume point below the log start is reported as `skipped`, not clamped in silence (needs real Kafka: DeleteRecords)', async () => {
    const topic = await newTopic(2);
    const kafka = new Kafka({ clientId: 'ki-test-admin', brokers: testBrokers(), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: `v${i}` })) });
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.fetchTopicMetadata({ topics: [topic] });
      await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '6' }] });
    } finally {
      await admin.disconnect();
    }

    // Resuming: partition 0 from 2 (gone up to 6), partition 1 from 3 (still there).
    const { streamId, partitions } = await paired.client.ok({ type: 'tailStart', topic, start: { from: 'positions', positions: { '0': '2', '1': '3' } } });
    expect(partitions.map((p) => [p.partition, p.offset])).toEqual([
      [0, '6'],
      [1, '3'],
    ]);
    const notice = await paired.client.waitFor<StatusFrame>((f) => f.type === 'status' && f.streamId === streamId && f.skipped !== undefined, 5000, 'a status with skipped');
    expect(notice.skipped).toEqual([{ partition: 0, from: '2', to: '6' }]);
    expect(notice.message).toContain('partition 0 offsets 2-5');
    const records = await paired.client.waitForRecords(streamId, 4 + 7);
    expect(records.filter((r) => r.partition === 0).map((r) => r.offset)).toEqual(['6', '7', '8', '9']);

    // The same for a seek to an absolute offset below the log start.
    await paired.client.ok({ type: 'tailSeek', streamId, start: { from: 'offset', offset: '0' } });
    const again = await paired.client.waitFor<StatusFrame>((f) => f.type === 'status' && f.streamId === streamId && f.skipped !== undefined && f !== notice, 5000, 'a second status with skipped');
    expect(again.skipped).toEqual([{ partition: 0, from: '0', to: '6' }]);
    await paired.client.ok({ type: 'tailStop', streamId });
  });
});
