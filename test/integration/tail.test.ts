import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

const text = (t: string) => ({ encoding: 'text' as const, text: t });
const json = (v: unknown) => ({ encoding: 'json' as const, text: JSON.stringify(v) });

describe('tail over the protocol against a real broker', () => {
  let companion: TestCompanion;
  let client: TestClient;
  let topic: string;

  beforeAll(async () => {
    companion = await startTestCompanion();
    client = await TestClient.paired(companion.wsUrl, companion.token);
    topic = await createTestTopic(3);
    // 12 records, 4 per partition: offsets 0..3 on each.
    await client.ok({
      type: 'produce',
      topic,
      records: Array.from({ length: 12 }, (_, i) => ({
        partition: i % 3,
        key: text(`user-${i % 4}`),
        value: json({ n: i, kind: i % 2 ? 'odd' : 'even', amount: i * 10 }),
        headers: [{ key: 'source', value: text(i < 6 ? 'web' : 'mobile') }],
      })),
    });
  });
  afterAll(async () => {
    client.close();
    await companion.close();
  });

  const start = (request: Record<string, unknown>) => client.ok({ type: 'tailStart', topic, ...request } as never) as Promise<{ streamId: string; partitions: Array<{ partition: number; offset: string }> }>;
  const values = (streamId: string) => client.records(streamId).map((r) => (JSON.parse(r.value!.encoding === 'json' ? r.value!.text : '{}') as { n: number }).n).sort((a, b) => a - b);

  it('from earliest: every record once, JSON detected, then caught-up', async () => {
    const { streamId, partitions } = await start({ start: { from: 'earliest' } });
    expect(partitions.map((p) => p.offset)).toEqual(['0', '0', '0']);
    await client.waitForStatus(streamId, 'caught-up');
    await client.waitForRecords(streamId, 12);
    expect(values(streamId)).toEqual([...Array(12).keys()]);
    const record = client.records(streamId).find((r) => r.partition === 1 && r.offset === '0')!;
    expect(record).toMatchObject({ topic, key: { encoding: 'text', text: 'user-1' }, value: { encoding: 'json' }, headers: [{ key: 'source', value: { encoding: 'text', text: 'web' } }] });
    expect(client.statuses(streamId)[0]).toBe('live');
    await client.ok({ type: 'tailStop', streamId });
  });

  it('from latest: only what is produced after the start', async () => {
    const { streamId } = await start({ start: { from: 'latest' } });
    await client.ok({ type: 'produce', topic, records: [{ partition: 0, key: null, value: json({ n: 100 }) }] });
    await client.waitForRecords(streamId, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(values(streamId)).toEqual([100]);
    await client.ok({ type: 'tailStop', streamId });
  });

  it('from an absolute offset, the last N, and a subset of partitions', async () => {
    const fromOffset = await start({ start: { from: 'offset', offset: '3' }, partitions: [0, 2] });
    await client.waitForStatus(fromOffset.streamId, 'caught-up');
    // Partition 0 also holds offset 4, produced by the 'latest' test above.
    expect(client.records(fromOffset.streamId).map((r) => `${r.partition}:${r.offset}`).sort()).toEqual(['0:3', '0:4', '2:3']);
    const lastN = await start({ start: { from: 'lastN', count: 2 }, partitions: [1] });
    await client.waitForStatus(lastN.streamId, 'caught-up');
    expect(client.records(lastN.streamId).map((r) => `${r.partition}:${r.offset}`)).toEqual(['1:2', '1:3']);
    await client.ok({ type: 'tailStop', streamId: fromOffset.streamId });
    await client.ok({ type: 'tailStop', streamId: lastN.streamId });
  });

  it('filters in the companion by text (key, value, headers) and by CEL; counters say what was scanned', async () => {
    const byHeader = await start({ start: { from: 'earliest' }, filter: { text: 'MOBILE' } });
    const byCel = await start({ start: { from: 'earliest' }, filter: { cel: 'value.kind == "odd" && value.amount > 50' } });
    await client.waitForStatus(byHeader.streamId, 'caught-up');
    await client.waitForStatus(byCel.streamId, 'caught-up');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(values(byHeader.streamId)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(values(byCel.streamId)).toEqual([7, 9, 11]);
    const stats = client.streamFrames(byCel.streamId).filter((f) => f.type === 'stats').at(-1)!;
    expect(stats).toMatchObject({ matched: 3, sent: 3 });
    if (stats.type === 'stats') expect(stats.scanned).toBeGreaterThanOrEqual(12);
    await client.ok({ type: 'tailStop', streamId: byHeader.streamId });
    await client.ok({ type: 'tailStop', streamId: byCel.streamId });
  });

  it('an invalid CEL expression is refused with INVALID_FILTER before anything starts', async () => {
    expect(await client.fails({ type: 'tailStart', topic, start: { from: 'earliest' }, filter: { cel: 'value.kind ==' } })).toMatchObject({ code: 'INVALID_FILTER' });
  });

  it('stops by itself after `limit` matching records, with status ended and final stats', async () => {
    const { streamId } = await start({ start: { from: 'earliest' }, limit: 5 });
    await client.waitForStatus(streamId, 'ended');
    expect(client.records(streamId)).toHaveLength(5);
    const stats = client.streamFrames(streamId).filter((f) => f.type === 'stats').at(-1);
    expect(stats).toMatchObject({ sent: 5, matched: 5 });
    expect(await client.fails({ type: 'tailPause', streamId })).toMatchObject({ code: 'UNKNOWN_STREAM' });
  });

  it('pause holds records back, resume delivers them; seek goes back; stop ends the stream', async () => {
    const { streamId } = await start({ start: { from: 'latest' }, partitions: [2] });
    await client.ok({ type: 'tailPause', streamId });
    await client.waitForStatus(streamId, 'paused');
    await client.ok({ type: 'produce', topic, records: [{ partition: 2, key: null, value: json({ n: 200 }) }] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.records(streamId)).toHaveLength(0);
    await client.ok({ type: 'tailResume', streamId });
    await client.waitForRecords(streamId, 1);
    expect(values(streamId)).toEqual([200]);

    const seek = await client.ok({ type: 'tailSeek', streamId, start: { from: 'earliest' } });
    expect(seek.partitions).toMatchObject([{ partition: 2, offset: '0' }]);
    await client.waitForRecords(streamId, 6);
    expect(values(streamId)).toEqual([2, 5, 8, 11, 200, 200]);

    await client.ok({ type: 'tailStop', streamId });
    await client.waitForStatus(streamId, 'ended');
    expect(await client.fails({ type: 'tailResume', streamId })).toMatchObject({ code: 'UNKNOWN_STREAM' });
  });

  it('unknown topics and partitions are NOT_FOUND; too many streams is LIMIT_EXCEEDED', async () => {
    expect(await client.fails({ type: 'tailStart', topic: 'no-such-topic-here', start: { from: 'latest' } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await client.fails({ type: 'tailStart', topic, partitions: [9], start: { from: 'latest' } })).toMatchObject({ code: 'NOT_FOUND' });
    const limited = await startTestCompanion({ limits: { maxStreamsPerSocket: 2 } as never });
    const other = await TestClient.paired(limited.wsUrl, limited.token);
    await other.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    await other.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    expect(await other.fails({ type: 'tailStart', topic, start: { from: 'latest' } })).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    other.close();
    await limited.close();
  });

  it('every frame the companion sent matched the shared schema', () => {
    expect(client.invalid).toEqual([]);
  });
});
