import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, isMockBroker } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { BINARY_V2, bridge, JSON_V2 } from '../helpers/http-bridge';

/** Reads back what a topic holds, through the gateway the bridge itself uses. */
async function readAll(companion: TestCompanion, topic: string, count: number) {
  const reader = await companion.gateway.openTail({ topic, start: { from: 'earliest' } });
  const records = [];
  const deadline = Date.now() + 10_000;
  try {
    while (records.length < count && Date.now() < deadline) records.push(...(await reader.fetch(new AbortController().signal)).records);
  } finally {
    await reader.close();
  }
  return records;
}

/**
 * Confluent REST Proxy v2's documented examples (docs.confluent.io, "REST Proxy API v2":
 * POST /topics/{topic} with the JSON and binary embedded formats, GET /topics, /topics/{topic},
 * /partitions, /offsets, and its error bodies) replayed against the companion and the broker.
 */
describe('HTTP bridge: REST Proxy v2 produce and reads', () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion({ allowOrigins: ['http://localhost:3000'] });
  });
  afterAll(async () => {
    await companion.close();
  });

  it('produces the documented JSON example: offsets per record in REST Proxy shape, JSON text in Kafka', async () => {
    const topic = await createTestTopic(3);
    const res = await bridge(companion, `/topics/${topic}`, {
      type: JSON_V2,
      headers: { accept: 'application/vnd.kafka.v2+json, application/vnd.kafka+json, application/json' },
      body: { records: [{ key: 'somekey', value: { foo: 'bar' } }, { value: ['foo', 'bar'], partition: 1 }, { value: 53.5 }] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.kafka\.v2\+json/);
    const body = res.json as { offsets: Array<{ partition: number; offset: number; error_code: null; error: null }>; key_schema_id: null; value_schema_id: null };
    expect(body).toMatchObject({ key_schema_id: null, value_schema_id: null });
    expect(body.offsets).toHaveLength(3);
    expect(body.offsets[1]).toEqual({ partition: 1, offset: expect.any(Number), error_code: null, error: null });
    // Offsets are JSON numbers, as REST Proxy's longs.
    expect(res.text).toMatch(/"offset":\d+/);
    const held = await readAll(companion, topic, 3);
    const at = (i: number) => held.find((r) => r.partition === body.offsets[i]!.partition && r.offset === String(body.offsets[i]!.offset))!;
    expect(at(0).key?.toString()).toBe('"somekey"');
    expect(JSON.parse(at(0).value!.toString())).toEqual({ foo: 'bar' });
    expect(JSON.parse(at(1).value!.toString())).toEqual(['foo', 'bar']);
    expect(at(2).value?.toString()).toBe('53.5');
    expect(at(2).key).toBeNull();
  });

  it('produces the documented binary example (base64), plain application/json, headers and tombstones', async () => {
    const topic = await createTestTopic(2);
    const res = await bridge(companion, `/topics/${topic}`, { type: BINARY_V2, body: { records: [{ key: 'a2V5', value: 'Y29uZmx1ZW50' }, { value: 'a2Fma2E=', partition: 1 }, { value: 'bG9ncw==', headers: [{ name: 'trace', value: 'AAEC' }] }, { key: 'a2V5', value: null }] } });
    expect(res.status).toBe(200);
    const offsets = (res.json as { offsets: Array<{ partition: number; offset: number }> }).offsets;
    const plain = await bridge(companion, `/topics/${topic}/partitions/0`, { type: 'application/json; charset=utf-8', body: { records: [{ value: { n: 1 } }] } });
    expect(plain.status).toBe(200);
    expect((plain.json as { offsets: Array<{ partition: number }> }).offsets[0]!.partition).toBe(0);
    const held = await readAll(companion, topic, 5);
    const at = (i: number) => held.find((r) => r.partition === offsets[i]!.partition && r.offset === String(offsets[i]!.offset))!;
    expect(at(0).key?.toString()).toBe('key');
    expect(at(0).value?.toString()).toBe('confluent');
    expect(at(1)).toMatchObject({ partition: 1 });
    expect(at(1).value?.toString()).toBe('kafka');
    expect(at(2).headers).toEqual([{ key: 'trace', value: Buffer.from([0, 1, 2]) }]);
    expect(at(3).value).toBeNull();
    expect(held.filter((r) => r.partition === 0 && r.value?.toString() === '{"n":1}')).toHaveLength(1);
  });

  it('GET /topics, /topics/{t}, /partitions, /partitions/{p} and /offsets in REST Proxy shapes', async () => {
    const topic = await createTestTopic(2);
    await bridge(companion, `/topics/${topic}/partitions/1`, { type: JSON_V2, body: { records: [{ value: 1 }, { value: 2 }] } });
    const list = await bridge(companion, '/topics');
    expect(list.status).toBe(200);
    expect(list.json).toEqual(expect.arrayContaining([topic]));
    expect((list.json as string[]).some((name) => name.startsWith('__'))).toBe(false);

    const meta = await bridge(companion, `/topics/${topic}`);
    expect(meta.status).toBe(200);
    const detail = meta.json as { name: string; configs: Record<string, string>; partitions: Array<{ partition: number; leader: number; replicas: Array<{ broker: number; leader: boolean; in_sync: boolean }> }> };
    expect(detail.name).toBe(topic);
    expect(typeof detail.configs).toBe('object');
    if (!isMockBroker()) expect(detail.configs['cleanup.policy']).toBe('delete');
    expect(detail.partitions.map((p) => p.partition)).toEqual([0, 1]);
    expect(detail.partitions[0]!.replicas).toContainEqual({ broker: detail.partitions[0]!.leader, leader: true, in_sync: true });

    const partitions = await bridge(companion, `/topics/${topic}/partitions`);
    expect(partitions.json).toEqual(detail.partitions);
    const one = await bridge(companion, `/topics/${topic}/partitions/1`);
    expect(one.json).toEqual(detail.partitions[1]);
    const offsets = await bridge(companion, `/topics/${topic}/partitions/1/offsets`);
    expect(offsets.status).toBe(200);
    expect(offsets.json).toEqual({ beginning_offset: 0, end_offset: 2 });
  });

  it('errors in REST Proxy shape: 40401 unknown topic (not created), 40402 unknown partition, 422, 415, 401', async () => {
    const topic = await createTestTopic(2);
    const missing = `${topic}-missing`;
    const produceMissing = await bridge(companion, `/topics/${missing}`, { type: JSON_V2, body: { records: [{ value: 1 }] } });
    expect(produceMissing.status).toBe(404);
    expect(produceMissing.json).toMatchObject({ error_code: 40401, code: 'NOT_FOUND', message: expect.any(String) });
    expect((await bridge(companion, `/topics/${missing}`)).json).toMatchObject({ error_code: 40401 });
    expect((await bridge(companion, '/topics')).json).not.toContain(missing);

    for (const path of [`/topics/${topic}/partitions/7`, `/topics/${topic}/partitions/7/offsets`, `/topics/${topic}/partitions/x`]) {
      const res = await bridge(companion, path);
      expect([path, res.status, (res.json as { error_code: number }).error_code]).toEqual([path, 404, 40402]);
    }
    const badPartition = await bridge(companion, `/topics/${topic}/partitions/7`, { type: JSON_V2, body: { records: [{ value: 1 }] } });
    expect([badPartition.status, (badPartition.json as { error_code: number }).error_code]).toEqual([404, 40402]);
    const inRecord = await bridge(companion, `/topics/${topic}`, { type: JSON_V2, body: { records: [{ value: 1 }, { value: 2, partition: 9 }] } });
    expect([inRecord.status, (inRecord.json as { error_code: number }).error_code]).toEqual([404, 40402]);

    const unprocessable = await bridge(companion, `/topics/${topic}`, { type: JSON_V2, body: { records: [] } });
    expect(unprocessable.status).toBe(422);
    expect(unprocessable.json).toMatchObject({ error_code: 422, code: 'BAD_FRAME' });
    const schema = await bridge(companion, `/topics/${topic}`, { type: 'application/vnd.kafka.avro.v2+json', body: { value_schema: '"int"', records: [{ value: 1 }] } });
    expect(schema.status).toBe(415);
    const keySchema = await bridge(companion, `/topics/${topic}`, { type: JSON_V2, body: { key_schema_id: 3, records: [{ value: 1 }] } });
    expect(keySchema.json).toMatchObject({ error_code: 42201 });
    const badBase64 = await bridge(companion, `/topics/${topic}`, { type: BINARY_V2, body: { records: [{ value: 'not base64!' }] } });
    expect([badBase64.status, (badBase64.json as { code: string }).code]).toEqual([422, 'BAD_FRAME']);
    const notJson = await bridge(companion, `/topics/${topic}`, { type: JSON_V2, body: '{"records": [' });
    expect([notJson.status, (notJson.json as { error_code: number }).error_code]).toEqual([400, 400]);

    const noToken = await bridge(companion, '/topics', { headers: { authorization: '' } });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(noToken.json).toMatchObject({ error_code: 40101, code: 'UNAUTHORIZED' });
    const wrong = await bridge(companion, '/topics', { headers: { authorization: 'Bearer wrong-token' } });
    expect(wrong.status).toBe(401);
    // Nothing of all that reached the topic.
    const offsets = await Promise.all([0, 1].map(async (p) => (await bridge(companion, `/topics/${topic}/partitions/${p}/offsets`)).json));
    expect(offsets).toEqual([{ beginning_offset: 0, end_offset: 0 }, { beginning_offset: 0, end_offset: 0 }]);
  });

  it('CORS only for --allow-origin origins: exact origin, never *, never credentials; other origins refused before anything runs', async () => {
    const topic = await createTestTopic(1);
    const preflight = await fetch(`${companion.url}/topics/${topic}`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const allowed = await bridge(companion, `/topics/${topic}`, { type: JSON_V2, body: { records: [{ value: 1 }] }, headers: { origin: 'http://localhost:3000' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');

    for (const origin of ['http://evil.example', 'http://localhost:3001', 'null', 'http://localhost:3000.evil.example']) {
      const pre = await fetch(`${companion.url}/topics/${topic}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect([origin, pre.status, pre.headers.get('access-control-allow-origin')]).toEqual([origin, 403, null]);
      const post = await bridge(companion, `/topics/${topic}`, { type: JSON_V2, body: { records: [{ value: 2 }] }, headers: { origin } });
      expect([origin, post.status]).toEqual([origin, 403]);
    }
    // A form POST carrying the token (it cannot, but even so) is refused for its content type.
    const form = await bridge(companion, `/topics/${topic}`, { type: 'application/x-www-form-urlencoded', body: 'records=1' });
    expect(form.status).toBe(415);
    const text = await bridge(companion, `/topics/${topic}`, { type: 'text/plain', body: JSON.stringify({ records: [{ value: 3 }] }) });
    expect(text.status).toBe(415);
    expect((await bridge(companion, `/topics/${topic}/partitions/0/offsets`)).json).toEqual({ beginning_offset: 0, end_offset: 1 });
  });

  it('read-only and the produce allow-list hold over HTTP as on the WebSocket (403 40301)', async () => {
    const topic = await createTestTopic(1);
    const readOnly = await startTestCompanion({ readOnly: true });
    const guarded = await startTestCompanion({ produceAllowList: ['qa-*'] });
    try {
      const a = await bridge(readOnly, `/topics/${topic}`, { type: JSON_V2, body: { records: [{ value: 1 }] } });
      expect([a.status, a.json]).toEqual([403, expect.objectContaining({ error_code: 40301, code: 'READ_ONLY' })]);
      const b = await bridge(guarded, `/topics/${topic}`, { type: JSON_V2, body: { records: [{ value: 1 }] } });
      expect([b.status, b.json]).toEqual([403, expect.objectContaining({ error_code: 40301, code: 'FORBIDDEN_TOPIC' })]);
      expect((await bridge(readOnly, `/topics/${topic}/partitions/0/offsets`)).json).toEqual({ beginning_offset: 0, end_offset: 0 });
    } finally {
      await readOnly.close();
      await guarded.close();
    }
  });
});
