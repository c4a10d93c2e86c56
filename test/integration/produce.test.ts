import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';
import { allWritten } from '../helpers/produced';

describe('produce over the protocol, seen again in a tail', () => {
  let companion: TestCompanion;
  let client: TestClient;
  beforeAll(async () => {
    companion = await startTestCompanion({ limits: { maxRecordBytes: 1000 } as never });
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client.close();
    await companion.close();
  });

  it('text, JSON and binary values, keys, headers, a chosen partition and a tombstone arrive intact', async () => {
    const topic = await createTestTopic(3);
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    const produced = await client.ok({
      type: 'produce',
      topic,
      records: [
        { key: { encoding: 'text', text: 'order-7' }, value: { encoding: 'json', text: '{ "id": 7,  "total": 12.5 }' }, headers: [{ key: 'trace-id', value: { encoding: 'text', text: 'abc' } }, { key: 'bin', value: { encoding: 'binary', base64: 'AAEC' } }] },
        { partition: 2, key: { encoding: 'binary', base64: '/wA=' }, value: { encoding: 'binary', base64: 'AP8Q' } },
        { key: { encoding: 'text', text: 'order-7' }, value: null },
        { partition: 1, value: { encoding: 'text', text: 'plain words' }, timestamp: '1700000000000' },
      ],
    });
    expect(produced.records).toHaveLength(4);
    expect(produced.records[1]!.partition).toBe(2);
    expect(produced.records[2]!.partition).toBe(produced.records[0]!.partition);
    const records = await client.waitForRecords(streamId, 4);
    const written = allWritten(produced.records);
    const at = (i: number) => records.find((r) => r.partition === written[i]!.partition && r.offset === written[i]!.offset)!;
    expect(at(0)).toMatchObject({
      key: { encoding: 'text', text: 'order-7' },
      value: { encoding: 'json', text: '{ "id": 7,  "total": 12.5 }' },
      headers: [{ key: 'trace-id', value: { encoding: 'text', text: 'abc' } }, { key: 'bin', value: { encoding: 'binary', base64: 'AAEC' } }],
    });
    expect(at(1)).toMatchObject({ partition: 2, key: { encoding: 'binary', base64: '/wA=' }, value: { encoding: 'binary', base64: 'AP8Q', size: 3 } });
    expect(at(2)).toMatchObject({ key: { text: 'order-7' }, value: null });
    expect(at(3)).toMatchObject({ partition: 1, timestamp: '1700000000000', value: { encoding: 'text', text: 'plain words' } });
  });

  it('a tailed record can be produced again as it came (the wire shapes mirror each other)', async () => {
    const topic = await createTestTopic(1);
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await client.ok({ type: 'produce', topic, records: [{ key: { encoding: 'text', text: 'k' }, value: { encoding: 'json', text: '{"a":[1,2]}' }, headers: [{ key: 'h', value: { encoding: 'text', text: 'v' } }] }] });
    const [original] = await client.waitForRecords(streamId, 1);
    const again = await client.ok({ type: 'produce', topic, records: [{ key: original!.key as never, value: original!.value as never, headers: original!.headers as never }] });
    expect(again.records[0]).toEqual({ partition: 0, offset: '1' });
    const [, copy] = await client.waitForRecords(streamId, 2);
    expect({ ...copy, offset: '0', timestamp: '' }).toEqual({ ...original, timestamp: '' });
  });

  it('refuses bad values and oversize records with typed errors, and produces nothing of the batch', async () => {
    const topic = await createTestTopic(1);
    expect(await client.fails({ type: 'produce', topic, records: [{ value: { encoding: 'json', text: '{not json' } }] })).toMatchObject({ code: 'BAD_FRAME', details: { index: 0 } });
    expect(await client.fails({ type: 'produce', topic, records: [{ value: { encoding: 'binary', base64: 'AAF=' } }] })).toMatchObject({ code: 'BAD_FRAME' });
    expect(await client.fails({ type: 'produce', topic, records: [{ value: { encoding: 'text', text: 'ok' } }, { value: { encoding: 'text', text: 'x'.repeat(2000) } }] })).toMatchObject({ code: 'TOO_LARGE', details: { index: 1, size: 2000, limit: 1000 } });
    expect(await client.fails({ type: 'produce', topic: 'no-such-topic-at-all', records: [{ value: { encoding: 'text', text: 'x' } }] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await client.fails({ type: 'produce', topic, records: [{ partition: 5, value: { encoding: 'text', text: 'x' } }] })).toMatchObject({ code: 'NOT_FOUND' });
    const detail = await client.ok({ type: 'describeTopic', topic });
    expect(detail.partitions[0]!.high).toBe('0');
  });

  it('read-only mode refuses produce in the companion (READ_ONLY) and says so in the welcome', async () => {
    const readOnly = await startTestCompanion({ readOnly: true });
    const other = await TestClient.connect(readOnly.wsUrl);
    const welcome = await other.send({ type: 'hello', protocol: 1, token: readOnly.token });
    expect(welcome).toMatchObject({ capabilities: { readOnly: true } });
    const topic = await createTestTopic(1);
    expect(await other.fails({ type: 'produce', topic, records: [{ value: { encoding: 'text', text: 'x' } }] })).toMatchObject({ code: 'READ_ONLY' });
    expect((await other.ok({ type: 'describeTopic', topic })).partitions[0]!.high).toBe('0');
    other.close();
    await readOnly.close();
  });

  it('the allow-list refuses topics outside its globs (FORBIDDEN_TOPIC) and allows the rest', async () => {
    const guarded = await startTestCompanion({ produceAllowList: ['qa-*', 'ki-test-*'] });
    const other = await TestClient.paired(guarded.wsUrl, guarded.token);
    const allowed = await createTestTopic(1);
    const forbidden = await createTestTopic(1, 'prod-orders');
    expect(await other.fails({ type: 'produce', topic: forbidden, records: [{ value: { encoding: 'text', text: 'x' } }] })).toMatchObject({ code: 'FORBIDDEN_TOPIC' });
    await expect(other.ok({ type: 'produce', topic: allowed, records: [{ value: { encoding: 'text', text: 'x' } }] })).resolves.toMatchObject({ records: [{ partition: 0, offset: '0' }] });
    other.close();
    await guarded.close();
  });
});

describe('produce: a batch the broker would refuse is refused whole, before anything is sent (issue 16)', () => {
  let companion: TestCompanion;
  let client: TestClient;
  beforeAll(async () => {
    companion = await startTestCompanion();
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client.close();
    await companion.close();
  });

  it('a record of exactly maxRecordBytes, beside a small one on another partition: TOO_LARGE, and neither partition is written', async () => {
    const topic = await createTestTopic(2);
    const limit = companion.config.limits.maxRecordBytes;
    const big = Buffer.alloc(limit, 7).toString('base64');
    const error = await client.fails({ type: 'produce', topic, records: [{ partition: 0, value: { encoding: 'text', text: 'small' } }, { partition: 1, value: { encoding: 'binary', base64: big } }] });
    expect(error).toMatchObject({ code: 'TOO_LARGE', details: { partition: 1, indexes: [1], limitName: 'max.message.bytes' } });
    const detail = await client.ok({ type: 'describeTopic', topic });
    expect(detail.partitions.map((p) => p.high)).toEqual(['0', '0']);
    // The small record alone still goes through.
    await expect(client.ok({ type: 'produce', topic, records: [{ partition: 0, value: { encoding: 'text', text: 'small' } }] })).resolves.toEqual({ records: [{ partition: 0, offset: '0' }] });
  }, 60_000);

  it('records that each fit but together pass max.message.bytes on one partition: TOO_LARGE naming them, nothing written', async () => {
    const topic = await createTestTopic(2);
    const part = { encoding: 'binary' as const, base64: Buffer.alloc(400_000, 1).toString('base64') };
    const error = await client.fails({ type: 'produce', topic, records: [{ partition: 1, value: { encoding: 'text', text: 'x' } }, ...[0, 1, 2].map(() => ({ partition: 0, value: part }))] });
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/smaller produce requests/), details: { partition: 0, indexes: [1, 2, 3] } });
    const detail = await client.ok({ type: 'describeTopic', topic });
    expect(detail.partitions.map((p) => p.high)).toEqual(['0', '0']);
  }, 60_000);
});
