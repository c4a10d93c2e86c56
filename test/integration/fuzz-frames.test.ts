import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000);
const TYPES = ['hello', 'ping', 'describeCluster', 'listTopics', 'describeTopic', 'tailStart', 'tailPause', 'tailResume', 'tailSeek', 'tailStop', 'produce', 'listGroups', 'describeGroup'];

/** Valid frames, to mutate: every field a fuzzer may then break. */
const validFrame = (topic: string) =>
  fc.constantFrom<Record<string, unknown>>(
    { type: 'ping' },
    { type: 'listTopics', search: 'ki' },
    { type: 'describeTopic', topic },
    { type: 'tailStart', topic, start: { from: 'latest' }, limit: 1 },
    { type: 'tailStart', topic, start: { from: 'offset', offset: '0' }, filter: { cel: 'value.n > 1' }, limit: 1 },
    { type: 'tailStop', streamId: 's1' },
    { type: 'produce', topic, records: [{ key: { encoding: 'text', text: 'k' }, value: { encoding: 'json', text: '{"n":1}' } }] },
    { type: 'describeGroup', groupId: 'g' },
  );

const hostileValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e308, -0, Number.MIN_VALUE, '9'.repeat(400), '', '\u0000', '\ud800', '<script>', '__proto__', 'constructor'),
  fc.string({ maxLength: 2000 }),
  fc.array(fc.anything(), { maxLength: 20 }),
);

/** A JSON text that nests `depth` arrays: deep nesting must not blow the stack. */
const deep = (depth: number) => `{"id":"deep","type":"ping","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe(`fuzzing the companion with ${FRAMES.toLocaleString('en-US')} random and mutated frames`, () => {
  let companion: TestCompanion;
  let topic: string;
  beforeAll(async () => {
    companion = await startTestCompanion({ limits: { maxFrameBytes: 256 * 1024, maxStreamsPerSocket: 4 } as never });
    topic = await createTestTopic(1);
  });
  afterAll(() => companion.close());

  it('answers every frame with a typed reply or a clear close, never crashes, and still serves after', async () => {
    const frames: string[] = [];
    const mutated = fc
      .tuple(validFrame(topic), fc.constantFrom('drop', 'replace', 'add', 'type', 'proto'), fc.string({ maxLength: 12 }), hostileValue)
      .map(([frame, how, key, value]) => {
        const copy: Record<string, unknown> = { ...frame, id: `m${frames.length}` };
        const keys = Object.keys(copy);
        const target = keys[key.length % keys.length]!;
        if (how === 'drop') delete copy[target];
        if (how === 'replace') copy[target] = value;
        if (how === 'add') copy[key || 'extra'] = value;
        if (how === 'type') copy.type = TYPES[key.length % TYPES.length];
        const text = JSON.stringify(copy);
        return how === 'proto' ? text.replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},') : text;
      });
    const garbage = fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 6 }), fc.constantFrom('{', '[]', 'null', '1e999', '{"id":"x"}', '\u0000\u0001', '{"id":"x","type":"ping"}{}'));
    fc.sample(fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: garbage }), { numRuns: FRAMES - 3, seed: 20261124 }).forEach((f) => frames.push(f));
    // (Oversize frames close the socket with 1009: session-frames.test.ts covers that on its own.)
    frames.push(deep(10_000), 'x'.repeat(200 * 1024), '{"id":"u","type":"ping","s":"\ud800"}');

    const replies = (c: TestClient) => c.frames.filter((f) => f.type === 'error' || f.type === 'result' || f.type === 'welcome').length;
    /** Every frame gets exactly one reply; waits for the slow ones (Kafka round trips) to land. */
    const allAnswered = async (c: TestClient, sent: number) => {
      const deadline = Date.now() + 15_000;
      while (replies(c) < sent && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return replies(c);
    };
    let client = await TestClient.paired(companion.wsUrl, companion.token);
    let sent = 1;
    let closes = 0;
    let unanswered = 0;
    const closeCodes = new Set<number>();
    for (let i = 0; i < frames.length; i++) {
      const closed = await Promise.race([client.closeCode, Promise.resolve(null)]);
      if (closed !== null) {
        closeCodes.add(closed);
        closes++;
        client = await TestClient.paired(companion.wsUrl, companion.token);
        sent = 1;
      }
      client.sendRaw(frames[i]!);
      sent++;
      if (i % 500 === 0) {
        // Prove the socket still works, and that nothing went unanswered so far.
        await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
        sent++;
        unanswered += sent - (await allAnswered(client, sent));
      }
    }
    const last = await Promise.race([client.closeCode, new Promise<null>((resolve) => setTimeout(() => resolve(null), 500))]);
    if (last !== null) {
      closeCodes.add(last);
      closes++;
      client = await TestClient.paired(companion.wsUrl, companion.token);
    } else {
      unanswered += sent - (await allAnswered(client, sent));
    }
    await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
    await expect(client.ok({ type: 'listTopics' })).resolves.toHaveProperty('topics');

    expect(unanswered).toBe(0);
    expect(client.invalid).toEqual([]);
    // Nothing in the corpus is oversize, so no frame may close the socket: each gets an answer instead.
    expect([...closeCodes]).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`fuzz: ${frames.length} frames, ${closes} socket closes (codes ${[...closeCodes].join(', ') || 'none'}), companion alive`);
    client.close();
  }, 300_000);
});
