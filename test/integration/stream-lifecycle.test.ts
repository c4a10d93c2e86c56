import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { connectionsTo, settle, steady } from '../helpers/sockets';
import { TestClient } from '../helpers/ws-client';

const brokerPorts = () => testBrokers().map((b) => Number(b.split(':').at(-1)));

describe('stream lifecycle and backpressure', () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion({ limits: { highWaterBytes: 256 * 1024 } as never });
  });
  afterAll(() => companion.close());

  it('a closed socket ends its tails: their broker connections are gone (counted from the OS)', async () => {
    const topic = await createTestTopic(2);
    const warm = await TestClient.paired(companion.wsUrl, companion.token);
    await warm.ok({ type: 'listTopics' }); // the shared admin connection is made once, before counting
    const before = await steady(() => connectionsTo(brokerPorts()));
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    for (let i = 0; i < 3; i++) await client.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    expect(connectionsTo(brokerPorts())).toBeGreaterThan(before);
    client.close();
    await settle(() => connectionsTo(brokerPorts()) === before);
    expect(connectionsTo(brokerPorts())).toBe(before);
    warm.close();
  });

  it('tailStop also releases the reader', async () => {
    const topic = await createTestTopic(1);
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    await client.ok({ type: 'listTopics' });
    const before = await steady(() => connectionsTo(brokerPorts()));
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    expect(connectionsTo(brokerPorts())).toBeGreaterThan(before);
    await client.ok({ type: 'tailStop', streamId });
    await settle(() => connectionsTo(brokerPorts()) === before);
    expect(connectionsTo(brokerPorts())).toBe(before);
    client.close();
  });

  it('a client that stops reading gets `throttled`, then every offset once it reads again: no gap, no duplicate', async () => {
    const topic = await createTestTopic(2);
    const producer = await TestClient.paired(companion.wsUrl, companion.token);
    const reader = await TestClient.paired(companion.wsUrl, companion.token);
    const { streamId } = await reader.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    const raw = (reader.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const total = 6000;
    const value = { encoding: 'text' as const, text: 'v'.repeat(900) };
    for (let sent = 0; sent < total; sent += 1000) {
      await producer.ok({ type: 'produce', topic, records: Array.from({ length: 1000 }, (_, i) => ({ partition: (sent + i) % 2, value })) });
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    raw.resume();
    await reader.waitForRecords(streamId, total, 30_000);
    const statuses = reader.statuses(streamId);
    expect(statuses).toContain('throttled');
    // Throttling ends by itself: the stream goes back to reading (live, or caught-up once at the end).
    expect(statuses.slice(statuses.lastIndexOf('throttled') + 1)).toEqual(expect.arrayContaining([expect.stringMatching(/^(live|caught-up)$/)]));
    for (const partition of [0, 1]) {
      const offsets = reader.records(streamId).filter((r) => r.partition === partition).map((r) => Number(r.offset));
      expect(offsets).toEqual([...Array(total / 2).keys()]);
    }
    reader.close();
    producer.close();
  });
});
