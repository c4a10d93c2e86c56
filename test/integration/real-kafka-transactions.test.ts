import type { StatsFrame, WireRecord } from '@kafka-inspector/shared';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestTopic, isMockBroker, testBrokers, testName } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';

/**
 * Transactions on a real broker, seen through a tail (which reads READ_COMMITTED): aborted records
 * and control records (commit/abort markers) never reach the client, and an open transaction holds
 * the tail at the last stable offset, non-transactional records after it included, until it ends.
 */

const text = (t: string) => ({ encoding: 'text' as const, text: t });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const show = (r: WireRecord) => `${r.offset}=${r.value === null ? 'null' : r.value.encoding === 'binary' ? r.value.base64 : r.value.text}`;

describe.runIf(!isMockBroker())('transactions under a tail', () => {
  const paired = usePairedCompanion();
  let producer: Producer | undefined;
  afterAll(async () => {
    await producer?.disconnect();
  });

  it('never shows aborted records or control records; an open transaction holds the tail at the last stable offset until it commits (needs real Kafka: transactions, READ_COMMITTED Fetch)', { timeout: 60_000 }, async () => {
    const { client } = paired;
    const topic = await createTestTopic(1);
    const kafka = new Kafka({ clientId: 'ki-test-tx', brokers: testBrokers(), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ transactionalId: testName('ki-test-tx'), maxInFlightRequests: 1, idempotent: true });
    await producer.connect();
    const plain = async (value: string, offset: string) => {
      const { records } = await client.ok({ type: 'produce', topic, records: [{ partition: 0, key: null, value: text(value) }] });
      expect(records).toEqual([{ partition: 0, offset }]);
    };
    const inTransaction = async (values: string[]) => {
      const tx = await producer!.transaction();
      await tx.send({ topic, messages: values.map((value) => ({ partition: 0, value })) });
      return tx;
    };

    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await client.waitForStatus(streamId, 'caught-up');
    const shown = () => client.records(streamId).map(show);
    /** Nothing new for a while: the tail fetches every 200 ms at most (fetchMaxWaitMs of the test companion). */
    const holds = async (expected: string[]) => {
      await sleep(1200);
      expect(shown()).toEqual(expected);
    };

    await plain('plain-0', '0');
    await client.waitForRecords(streamId, 1);

    // Aborted: offsets 1 and 2, a plain record at 3 written while it was open, the abort marker at 4.
    const aborted = await inTransaction(['aborted-1', 'aborted-2']);
    await plain('plain-3', '3');
    await holds(['0=plain-0']);
    await aborted.abort();
    await client.waitForRecords(streamId, 2);

    // Committed: offset 5, the commit marker at 6.
    const committed = await inTransaction(['committed-5']);
    await committed.commit();
    await client.waitForRecords(streamId, 3);

    // Open: offset 7; a plain record at 8 waits behind it (last stable offset 7) until the commit (marker at 9).
    const open = await inTransaction(['open-7']);
    await plain('plain-8', '8');
    await holds(['0=plain-0', '3=plain-3', '5=committed-5']);
    // The tail has seen the high watermark move to 9, yet its position stays at the last stable offset.
    const held = await client.waitFor<StatsFrame>((f) => f.type === 'stats' && f.streamId === streamId && f.highWatermarks['0'] === '9', 5000, 'stats with high watermark 9');
    expect(held.positions).toEqual({ '0': '7' });
    expect(client.streamFrames(streamId).filter((f): f is StatsFrame => f.type === 'stats').at(-1)!.positions).toEqual({ '0': '7' });
    // A tail started now from the end starts at the last stable offset, not the high watermark.
    const fromLatest = await client.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    expect(fromLatest.partitions).toEqual([{ partition: 0, offset: '7', low: '0', high: '7' }]);
    await open.commit();
    await client.waitForRecords(streamId, 5);
    await client.waitForRecords(fromLatest.streamId, 2);

    await plain('plain-10', '10');
    await client.waitForRecords(streamId, 6);
    await sleep(300);
    const all = ['0=plain-0', '3=plain-3', '5=committed-5', '7=open-7', '8=plain-8', '10=plain-10'];
    expect(shown()).toEqual(all);
    expect(client.records(fromLatest.streamId).map(show)).toEqual(['7=open-7', '8=plain-8', '10=plain-10']);
    // The tail's position went past the final commit marker (offset 9) to the end.
    const last = await client.waitFor<StatsFrame>((f) => f.type === 'stats' && f.streamId === streamId && f.positions['0'] === '11', 5000, 'stats at offset 11');
    expect(last.highWatermarks).toEqual({ '0': '11' });

    // Read again afterwards, from the start: the same records, no markers, nothing aborted.
    const again = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    expect(again.partitions).toEqual([{ partition: 0, offset: '0', low: '0', high: '11' }]);
    await client.waitForRecords(again.streamId, 6);
    await client.waitForStatus(again.streamId, 'caught-up');
    await sleep(300);
    expect(client.records(again.streamId).map(show)).toEqual(all);
    for (const id of [streamId, fromLatest.streamId, again.streamId]) {
      expect(client.statuses(id)).not.toContain('error');
      await client.ok({ type: 'tailStop', streamId: id });
    }
  });
});
