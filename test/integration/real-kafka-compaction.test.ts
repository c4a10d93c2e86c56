import type { StatsFrame, WireRecord } from '@kafka-inspector/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteTestTopics, isMockBroker, testBrokers, testName } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';
import { createReadyTopics } from '../helpers/kafka-admin';
import type { TestClient } from '../helpers/ws-client';

/**
 * A compacted topic on a real broker, read through tails: offsets have gaps, tombstones show with
 * a null value, and a start inside a gap begins at the next record that exists, with no error and
 * no `skipped` report (compaction removed superseded values: nothing the client should miss).
 *
 * The broker's cleaner wakes every log.cleaner.backoff.ms (15 s by default) when idle; the wait
 * below is bounded at 45 s. Start the broker with `--set log.cleaner.backoff.ms=500` for a fast run.
 */

const text = (t: string) => ({ encoding: 'text' as const, text: t });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const str = (d: WireRecord['value']) => (d === null ? 'null' : d.encoding === 'binary' ? d.base64 : d.text);
/** `offset:key=value`; a tombstone shows as `=null`. */
const show = (r: WireRecord) => `${r.offset}:${str(r.key)}=${str(r.value)}`;
const COMPACTION_WAIT_MS = 45_000;

/** Every record of partition 0 from the start, read by a tail that stops once caught up. */
async function readAll(client: TestClient, topic: string): Promise<string[]> {
  const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
  await client.waitForStatus(streamId, 'caught-up');
  await client.ok({ type: 'tailStop', streamId });
  return client.records(streamId).map(show);
}

describe.runIf(!isMockBroker())('a compacted topic under a tail', () => {
  const paired = usePairedCompanion();
  const topics: string[] = [];
  afterAll(async () => {
    await deleteTestTopics(topics).catch(() => {});
  });

  it('shows offset gaps and tombstones (null value) as they are, and a start inside a gap begins at the next record, with no error and no `skipped` (needs real Kafka: log compaction)', { timeout: 75_000 }, async () => {
    const { client } = paired;
    const topic = testName('ki-test-compact');
    await createReadyTopics(testBrokers(), [
      {
        topic,
        numPartitions: 1,
        configEntries: [
          { name: 'cleanup.policy', value: 'compact' },
          { name: 'segment.ms', value: '100' },
          { name: 'min.cleanable.dirty.ratio', value: '0.001' },
          { name: 'min.compaction.lag.ms', value: '0' },
        ],
      },
    ]);
    topics.push(topic);
    const produce = async (records: Array<[string, string | null]>) => {
      await client.ok({ type: 'produce', topic, records: records.map(([k, v]) => ({ partition: 0, key: text(k), value: v === null ? null : text(v) })) });
    };
    // Offsets 0-4 in one batch, then 5-8 one by one: b and c are overwritten, c is then deleted.
    await produce([
      ['a', 'a1'],
      ['b', 'b1'],
      ['c', 'c1'],
      ['b', 'b2'],
      ['c', 'c2'],
    ]);
    for (const record of [['d', 'd1'], ['b', 'b3'], ['c', null], ['e', 'e1']] as Array<[string, string | null]>) await produce([record]);
    // Past segment.ms, the next record rolls a new segment: everything before it can be cleaned.
    await sleep(250);
    await produce([['f', 'f1']]);
    expect(await readAll(client, topic)).toEqual(['0:a=a1', '1:b=b1', '2:c=c1', '3:b=b2', '4:c=c2', '5:d=d1', '6:b=b3', '7:c=null', '8:e=e1', '9:f=f1']);

    const compacted = ['0:a=a1', '5:d=d1', '6:b=b3', '7:c=null', '8:e=e1', '9:f=f1'];
    const started = Date.now();
    let seen = await readAll(client, topic);
    while (seen.join() !== compacted.join() && Date.now() - started < COMPACTION_WAIT_MS) {
      await sleep(1000);
      seen = await readAll(client, topic);
    }
    console.log(`compaction seen after ${Date.now() - started} ms`);
    expect(seen, `compacted within ${COMPACTION_WAIT_MS / 1000} s (is the broker's log.cleaner.backoff.ms small?)`).toEqual(compacted);

    // Watermarks are untouched by compaction.
    const { partitions } = await client.ok({ type: 'describeTopic', topic });
    expect(partitions.map((p) => [p.low, p.high])).toEqual([['0', '10']]);

    // The tombstone arrives as a record with its key and a null value.
    const { streamId: earliest } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await client.waitForRecords(earliest, 6);
    expect(client.records(earliest).find((r) => r.offset === '7')).toMatchObject({ key: { encoding: 'text', text: 'c', size: 1 }, value: null });

    // A start inside the gap (2, in the batch whose kept record is 0), a resume point inside it (3), and a seek into it (4).
    const fromOffset = await client.ok({ type: 'tailStart', topic, start: { from: 'offset', offset: '2' } });
    expect(fromOffset.partitions).toEqual([{ partition: 0, offset: '2', low: '0', high: '10' }]);
    const fromPositions = await client.ok({ type: 'tailStart', topic, start: { from: 'positions', positions: { '0': '3' } } });
    const afterGap = compacted.slice(1);
    for (const id of [fromOffset.streamId, fromPositions.streamId]) {
      await client.waitForRecords(id, 5);
      await client.waitForStatus(id, 'caught-up');
    }
    const mark = client.records(earliest).length;
    await client.ok({ type: 'tailSeek', streamId: earliest, start: { from: 'offset', offset: '4' } });
    await client.waitForRecords(earliest, mark + 5);
    await sleep(500);
    expect(client.records(fromOffset.streamId).map(show)).toEqual(afterGap);
    expect(client.records(fromPositions.streamId).map(show)).toEqual(afterGap);
    expect(client.records(earliest).slice(mark).map(show)).toEqual(afterGap);

    for (const id of [earliest, fromOffset.streamId, fromPositions.streamId]) {
      // No `skipped` for compaction gaps, no error; the position reaches the end.
      expect(client.streamFrames(id).filter((f) => f.type === 'status' && (f.skipped || f.status === 'error'))).toEqual([]);
      await client.waitFor<StatsFrame>((f) => f.type === 'stats' && f.streamId === id && f.positions['0'] === '10', 5000, `stats of ${id} at offset 10`);
      await client.ok({ type: 'tailStop', streamId: id });
    }

    // And live records after the gaps still arrive, once.
    const { streamId: live } = await client.ok({ type: 'tailStart', topic, start: { from: 'offset', offset: '1' } });
    await client.waitForRecords(live, 5);
    await produce([['g', 'g1']]);
    await client.waitForRecords(live, 6);
    await sleep(300);
    expect(client.records(live).map(show)).toEqual([...afterGap, '10:g=g1']);
    await client.ok({ type: 'tailStop', streamId: live });
  });
});
