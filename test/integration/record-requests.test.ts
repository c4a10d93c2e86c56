import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

/** recordGet and recordsBefore: reading records by coordinates, outside a tail, on a real broker over TCP. */
describe('records by coordinates (recordGet, recordsBefore)', () => {
  let companion: TestCompanion;
  let client: TestClient;
  let topic: string;
  // 200 KB of JSON: past the 64 KB preview a tail sends, so only recordGet gives it whole.
  const big = JSON.stringify({ items: Array.from({ length: 4000 }, (_, i) => ({ i, pad: 'x'.repeat(40) })) });

  beforeAll(async () => {
    companion = await startTestCompanion();
    client = await TestClient.paired(companion.wsUrl, companion.token);
    topic = await createTestTopic(2);
    await client.ok({
      type: 'produce',
      topic,
      records: Array.from({ length: 10 }, (_, i) => ({ partition: 0, key: { encoding: 'text' as const, text: `k${i}` }, value: { encoding: 'json' as const, text: `{"n":${i}}` } })),
    });
    await client.ok({ type: 'produce', topic, records: [{ partition: 1, key: null, value: { encoding: 'json', text: big } }] });
  });
  afterAll(async () => {
    client.close();
    await companion.close();
  });

  it('recordGet returns the record at an offset with its exact bytes', async () => {
    const got = await client.ok({ type: 'recordGet', topic, partition: 0, offset: '7' });
    expect(got.record).toMatchObject({ topic, partition: 0, offset: '7', key: { encoding: 'text', text: 'k7' }, value: { encoding: 'json', text: '{"n":7}', size: 7 } });
    expect(got).toMatchObject({ low: '0', high: '10' });
  });

  it('recordGet sends a value past the tail preview whole, not truncated', async () => {
    const got = await client.ok({ type: 'recordGet', topic, partition: 1, offset: '0' });
    expect(got.record.value).toEqual({ encoding: 'json', text: big, size: big.length });
    // The same record through a tail is a preview.
    const { streamId } = await client.ok({ type: 'tailStart', topic, partitions: [1], start: { from: 'earliest' } });
    await client.waitForRecords(streamId, 1);
    expect(client.records(streamId)[0]!.value).toMatchObject({ truncated: true, size: big.length });
    await client.ok({ type: 'tailStop', streamId });
  });

  it('recordGet of an offset outside the partition is NOT_FOUND naming what it holds', async () => {
    const error = await client.fails({ type: 'recordGet', topic, partition: 0, offset: '10' } as never);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('holds offsets 0 to 9');
    expect((await client.fails({ type: 'recordGet', topic, partition: 9, offset: '0' } as never)).code).toBe('NOT_FOUND');
    expect((await client.fails({ type: 'recordGet', topic: 'no-such-topic-zz9', partition: 0, offset: '0' } as never)).code).toBe('NOT_FOUND');
  });

  it('recordGet refuses a negative offset and unknown fields as BAD_FRAME', async () => {
    expect((await client.fails({ type: 'recordGet', topic, partition: 0, offset: '-1' } as never)).code).toBe('BAD_FRAME');
    expect((await client.fails({ type: 'recordGet', topic, partition: 0, offset: '1', extra: 1 } as never)).code).toBe('BAD_FRAME');
  });

  it('recordsBefore returns the records just before an offset, oldest first, and stops at the log start', async () => {
    const before = await client.ok({ type: 'recordsBefore', topic, partition: 0, before: '6', count: 3 });
    expect(before.records.map((r) => r.offset)).toEqual(['3', '4', '5']);
    expect(before.low).toBe('0');
    const atStart = await client.ok({ type: 'recordsBefore', topic, partition: 0, before: '2', count: 100 });
    expect(atStart.records.map((r) => r.offset)).toEqual(['0', '1']);
    expect((await client.ok({ type: 'recordsBefore', topic, partition: 0, before: '0', count: 5 })).records).toEqual([]);
  });

  it('recordsBefore sends previews, as a tail does', async () => {
    const { records } = await client.ok({ type: 'recordsBefore', topic, partition: 1, before: '1', count: 1 });
    expect(records[0]!.value).toMatchObject({ truncated: true, size: big.length });
  });
});
