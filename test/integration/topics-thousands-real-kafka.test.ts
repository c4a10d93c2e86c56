import { afterAll, describe, expect, it } from 'vitest';
import { deleteTestTopics, isMockBroker, testBrokers, testName } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';
import { createReadyTopics } from '../helpers/kafka-admin';

/**
 * Listing a cluster of thousands of topics. Its own file because loading 6,000 partitions keeps
 * a small broker busy for a minute or more: scripts/test-real-kafka.sh runs it after the rest of
 * the suite, so it slows no other test.
 */
const text = (value: string) => ({ value: { encoding: 'text' as const, text: value } });

describe.runIf(!isMockBroker())('2,000 topics x 3 partitions (needs real Kafka: CreateTopics, DeleteTopics)', () => {
  const prefix = testName('ki-test-many');
  const names = Array.from({ length: 2000 }, (_, i) => `${prefix}-${i}`);

  const paired = usePairedCompanion();
  afterAll(async () => {
    for (let i = 0; i < names.length; i += 500) await deleteTestTopics(names.slice(i, i + 500)).catch(() => {});
  }, 180_000);

  // Creating them is most of the time: a KRaft broker on a busy 2-core machine needs a minute or more to load 6,000 partitions.
  it('lists them all in under 1 s, and a search lists only its matches', { timeout: 240_000 }, async () => {
    const { client } = paired;
    // Ready when every partition answers ListOffsets (checked through the companion: 2,000 topics one by one through KafkaJS's admin is the slow path).
    const allAnswer = async () => {
      const listed = (await client.send({ type: 'listTopics', search: prefix }, 30_000)) as { type: string; result?: { topics: Array<{ error?: unknown }> } };
      return listed.type === 'result' && listed.result!.topics.length === names.length && listed.result!.topics.every((t) => !t.error);
    };
    await createReadyTopics(testBrokers(), names.map((topic) => ({ topic, numPartitions: 3 })), { timeoutMs: 200_000, ready: allAnswer });
    await client.ok({ type: 'produce', topic: names[7]!, records: [text('x'), text('y')] });

    // The first call also connects; the timing is of a warm companion, as a user's Topics view is.
    await client.ok({ type: 'listTopics', search: 'no-such-topic-anywhere' });
    const timings: number[] = [];
    let topics: Awaited<ReturnType<typeof client.ok<'listTopics'>>>['topics'] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      topics = (await client.ok({ type: 'listTopics' })).topics;
      timings.push(performance.now() - started);
    }
    console.log(`listTopics: ${topics.length} topics in ${timings.map((t) => t.toFixed(0)).join(', ')} ms`);
    const ours = topics.filter((t) => t.name.startsWith(`${prefix}-`));
    expect(ours).toHaveLength(2000);
    expect(ours.filter((t) => t.partitions !== 3 || t.error)).toEqual([]);
    expect(ours.find((t) => t.name === names[7])).toMatchObject({ messageCount: '2' });
    expect(Math.min(...timings)).toBeLessThan(1000);

    const searched = await client.ok({ type: 'listTopics', search: `${prefix}-123` });
    expect(searched.topics.map((t) => t.name).sort()).toEqual([`${prefix}-123`, ...Array.from({ length: 10 }, (_, i) => `${prefix}-123${i}`)].sort());
  });
});
