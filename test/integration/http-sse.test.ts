import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { bridge } from '../helpers/http-bridge';
import { SseClient } from '../helpers/sse-client';
import { TestClient } from '../helpers/ws-client';

type Rec = { partition: number; offset: string; value: { text: string } | null };

/** Every (partition, offset) once, and per partition in order without holes from `first`. */
function expectNoGapNoDuplicate(records: Rec[], perPartition: Record<number, number>) {
  const keys = records.map((r) => `${r.partition}:${r.offset}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const [partition, count] of Object.entries(perPartition)) {
    const offsets = records.filter((r) => r.partition === Number(partition)).map((r) => Number(r.offset));
    expect(offsets).toEqual(Array.from({ length: count }, (_, i) => i));
  }
}

describe('HTTP bridge: tails as Server-Sent Events', () => {
  let companion: TestCompanion;
  const kafka = new Kafka({ clientId: 'ki-test-sse', brokers: testBrokers(), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  beforeAll(async () => {
    companion = await startTestCompanion({ limits: { highWaterBytes: 64 * 1024 } as never });
    await producer.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    await companion.close();
  });
  const produce = (topic: string, from: number, count: number, partitions = 2, size = 0) =>
    producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ partition: (from + i) % partitions, value: JSON.stringify({ n: from + i, pad: 'x'.repeat(size) }) })) });
  const auth = () => ({ authorization: `Bearer ${companion.token}` });

  it('streams records as events whose id resumes: a start event, records as on the WebSocket, Last-Event-ID with no gap and no duplicate', async () => {
    const topic = await createTestTopic(2, 'sse');
    await produce(topic, 0, 20);
    const first = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=earliest`, auth());
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    await first.waitForRecords(20);
    const start = first.named('start')[0] as { topic: string; partitions: Array<{ partition: number; offset: string }> };
    expect(start.topic).toBe(topic);
    expect(first.events[0]!.id).toBe('0:0,1:0');
    const record = first.records<Rec & { key: unknown; headers: unknown[]; timestamp: string; size: number; topic: string }>()[0]!;
    expect(record).toMatchObject({ topic, key: null, headers: [], value: { encoding: 'json' } });
    first.close();
    const resumeFrom = first.lastEventId!;
    expect(resumeFrom).toBe('0:10,1:10');

    // Written while nobody listens: a resume must deliver exactly these.
    await produce(topic, 20, 10);
    const second = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=earliest`, { ...auth(), 'last-event-id': resumeFrom });
    await second.waitForRecords(10);
    await produce(topic, 30, 6);
    await second.waitForRecords(16);
    expectNoGapNoDuplicate([...first.records<Rec>(), ...second.records<Rec>()], { 0: 18, 1: 18 });
    second.close();
  });

  it('a reconnect before any record resumes from where the stream began (from=latest loses nothing)', async () => {
    const topic = await createTestTopic(2, 'sse-latest');
    await produce(topic, 0, 4);
    const first = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=latest`, auth());
    await first.waitFor(() => first.named('start').length === 1);
    expect(first.lastEventId).toBe('0:2,1:2');
    first.close();
    await produce(topic, 4, 4);
    const second = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=latest`, { ...auth(), 'last-event-id': first.lastEventId! });
    await second.waitForRecords(4);
    expect(second.records<Rec>().map((r) => `${r.partition}:${r.offset}`).sort()).toEqual(['0:2', '0:3', '1:2', '1:3']);
    second.close();
  });

  it('filters (text, CEL), partitions, last:N and limit run in the companion; limit ends with an end event', async () => {
    const topic = await createTestTopic(2, 'sse-filter');
    await produce(topic, 0, 40);
    const cel = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=earliest&partitions=1&cel=${encodeURIComponent('value.n > 30')}`, auth());
    await cel.waitFor(() => cel.named('status').some((s) => (s as { status: string }).status === 'caught-up'));
    expect(cel.records<{ value: { text: string }; partition: number }>().map((r) => [r.partition, JSON.parse(r.value.text).n])).toEqual([[1, 31], [1, 33], [1, 35], [1, 37], [1, 39]]);
    cel.close();
    const limited = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=last:3&limit=5`, auth());
    await limited.ended;
    expect(limited.records()).toHaveLength(5);
    expect(limited.named('end')).toEqual([expect.objectContaining({ status: 'ended', message: expect.stringMatching(/limit of 5/) })]);
    const bad = await SseClient.open(`${companion.url}/stream?topic=${topic}&cel=${encodeURIComponent('value.n >')}`, auth());
    await bad.ended;
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.body)).toMatchObject({ code: 'INVALID_FILTER' });
  });

  it('stream tickets: EventSource auth without the token in the URL; single use, scoped to its topic, reconnects with Last-Event-ID', async () => {
    const topic = await createTestTopic(1, 'sse-ticket');
    const other = await createTestTopic(1, 'sse-ticket-other');
    await produce(topic, 0, 3, 1);
    const issued = await bridge(companion, '/stream/tickets', { type: 'application/json', body: { topic } });
    expect(issued.status).toBe(201);
    const { ticket, url } = issued.json as { ticket: string; url: string };
    expect(url).toContain(`ticket=${encodeURIComponent(ticket)}`);
    expect(url).not.toContain(companion.token);

    const wrongTopic = await SseClient.open(`${companion.url}/stream?topic=${other}&ticket=${ticket}`);
    expect(wrongTopic.status).toBe(401);
    const first = await SseClient.open(`${companion.url}${url}&from=earliest`);
    expect(first.status).toBe(200);
    await first.waitForRecords(3);
    const again = await SseClient.open(`${companion.url}${url}&from=earliest`);
    expect(again.status).toBe(401);
    await again.ended;
    expect(JSON.parse(again.body)).toMatchObject({ error_code: 40101, message: expect.stringMatching(/already used/) });
    // EventSource's own reconnect: same URL, Last-Event-ID; it replaces the connection it resumes.
    await produce(topic, 3, 2, 1);
    const reconnect = await SseClient.open(`${companion.url}${url}&from=earliest`, { 'last-event-id': first.lastEventId! });
    expect(reconnect.status).toBe(200);
    await reconnect.waitForRecords(2);
    await first.ended;
    expect(reconnect.records<Rec>().map((r) => r.offset)).toEqual(['3', '4']);
    reconnect.close();
    const forged = await SseClient.open(`${companion.url}/stream?topic=${topic}&ticket=${ticket.slice(0, -2)}xx`);
    expect(forged.status).toBe(401);
    const none = await SseClient.open(`${companion.url}/stream?topic=${topic}`);
    expect(none.status).toBe(401);
    const tokenInUrl = await SseClient.open(`${companion.url}/stream?topic=${topic}&token=${companion.token}`);
    expect(tokenInUrl.status).toBe(401);
  });

  it('backpressure: a reader that stops reading throttles the tail (bounded buffering), then gets everything in order', async () => {
    const topic = await createTestTopic(2, 'sse-slow');
    // Well past what loopback socket buffers absorb (several MB on Linux) plus the high-water mark,
    // and under the 5,000 records per partition the mock broker keeps.
    const total = 8000;
    for (let from = 0; from < total; from += 500) await produce(topic, from, 500, 2, 1000);
    const slow = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=earliest`, auth());
    slow.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    slow.resume();
    await slow.waitForRecords(total, 30_000);
    const statuses = slow.named('status').map((s) => (s as { status: string }).status);
    expect(statuses).toContain('throttled');
    expectNoGapNoDuplicate(slow.records<Rec>(), { 0: total / 2, 1: total / 2 });
    slow.close();
  });

  it('unknown topic, bad from, bad Last-Event-ID: typed errors before any stream opens', async () => {
    const topic = await createTestTopic(1, 'sse-errors');
    const cases: Array<[string, Record<string, string>, number]> = [
      [`/stream?topic=${topic}-missing`, {}, 404],
      [`/stream?topic=${topic}&from=yesterday`, {}, 400],
      [`/stream?topic=${topic}`, { 'last-event-id': 'garbage' }, 400],
      ['/stream', {}, 400],
      [`/stream?topic=${topic}&topic=${topic}`, {}, 400],
    ];
    for (const [path, headers, status] of cases) {
      const res = await SseClient.open(`${companion.url}${path}`, { ...auth(), ...headers });
      await res.ended;
      expect([path, res.status]).toEqual([path, status]);
      expect(JSON.parse(res.body)).toMatchObject({ error_code: expect.any(Number), code: expect.any(String) });
    }
  });
});

describe('HTTP bridge: event streams share the companion-wide stream budget with WebSocket tails', () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion({ limits: { maxStreamsTotal: 2 } as never });
  });
  afterAll(() => companion.close());

  it('an event stream over maxStreamsTotal is 429 LIMIT_EXCEEDED, and its place comes back when one closes', async () => {
    const topic = await createTestTopic(1, 'sse-budget');
    const auth = { authorization: `Bearer ${companion.token}` };
    const ws = await TestClient.paired(companion.wsUrl, companion.token);
    await ws.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    const sse = await SseClient.open(`${companion.url}/stream?topic=${topic}&from=latest`, auth);
    expect(sse.status).toBe(200);
    const refused = await bridge(companion, `/stream?topic=${topic}&from=latest`);
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(await ws.fails({ type: 'tailStart', topic, start: { from: 'latest' } })).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    sse.close();
    const deadline = Date.now() + 5000;
    let again = await ws.send({ type: 'tailStart', topic, start: { from: 'latest' } });
    while (again.type !== 'result' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = await ws.send({ type: 'tailStart', topic, start: { from: 'latest' } });
    }
    expect(again.type).toBe('result');
    ws.close();
  });
});
