import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockBroker, startMockBroker } from '../../companion/src/demo/mock-broker';
import { isMockBroker } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { bridge, JSON_V2 } from '../helpers/http-bridge';
import { withAdmin } from '../helpers/kafka-admin';
import { TestClient } from '../helpers/ws-client';

const value = (n: number) => ({ encoding: 'json' as const, text: JSON.stringify({ n }) });
const numbers = (records: Array<{ value: { encoding: string; text?: string } | null }>) => records.map((r) => (JSON.parse(r.value!.text!) as { n: number }).n);

// One partition's leader down while the others are up needs a cluster of several brokers and a way
// to stop one: the test broker (3 brokers here, one taken down on its control channel) has both.
describe.runIf(isMockBroker())('produce while one partition\'s leader is down (test broker: 3 brokers, one taken down on its control channel)', () => {
  let mock: MockBroker;
  let companion: TestCompanion;
  let client: TestClient;
  beforeAll(async () => {
    mock = await startMockBroker({ brokers: 3 });
    companion = await startTestCompanion({ clusters: [{ name: 'test', brokers: mock.brokers }] });
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client?.close();
    await companion?.close();
    await mock?.stop();
  });

  it('writes the other partitions, names each record it did not write (WebSocket and HTTP), and those go through once the leader is back: none lost, none twice', async () => {
    const topic = 'partial-produce';
    await mock.control(`topic ${topic} 3`);
    const leaders = await withAdmin(mock.brokers, async (admin) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions);
    const downNode = leaders.find((p) => p.partitionId === 1)!.leader;
    const down = new Set(leaders.filter((p) => p.leader === downNode).map((p) => p.partitionId));
    expect(down.size).toBeLessThan(3);
    await mock.control(`down ${downNode}`);

    const first = (await client.ok({ type: 'produce', topic, records: [0, 1, 2, 3, 4, 5].map((n) => ({ partition: n % 3, value: value(n) })) })).records;
    first.forEach((record, n) => {
      if (down.has(n % 3)) expect(record).toMatchObject({ partition: n % 3, error: { code: expect.stringMatching(/^(KAFKA_UNAVAILABLE|TIMEOUT)$/), message: expect.stringContaining(`partition ${n % 3}`) } });
      else expect(record).toEqual({ partition: n % 3, offset: expect.stringMatching(/^\d+$/) });
    });

    // The HTTP bridge answers in REST Proxy's shape: 200, a null offset and error_code 2 (retriable) per record not written.
    const http = await bridge(companion, `/topics/${topic}`, { type: JSON_V2, body: { records: [6, 7, 8].map((n) => ({ partition: n % 3, value: { n } })) } });
    expect(http.status).toBe(200);
    const offsets = (http.json as { offsets: Array<{ partition: number; offset: number | null; error_code: number | null; error: string | null }> }).offsets;
    offsets.forEach((o, i) => {
      const partition = (6 + i) % 3;
      if (down.has(partition)) expect(o).toEqual({ partition, offset: null, error_code: 2, error: expect.stringContaining(`partition ${partition}`) });
      else expect(o).toEqual({ partition, offset: expect.any(Number), error_code: null, error: null });
    });

    // Nothing written at all is still a plain error reply, as before.
    const only = await client.fails({ type: 'produce', topic, records: [{ partition: 1, value: value(-1) }] });
    expect(['KAFKA_UNAVAILABLE', 'TIMEOUT']).toContain(only.code);

    await mock.control(`up ${downNode}`);
    const again = [...[0, 1, 2, 3, 4, 5].filter((n) => down.has(n % 3)), ...[6, 7, 8].filter((n) => down.has(n % 3))];
    const deadline = Date.now() + 30_000;
    let resent = false;
    while (!resent) {
      const reply = await client.send({ type: 'produce', topic, records: again.map((n) => ({ partition: n % 3, value: value(n) })) });
      resent = reply.type === 'result' && (reply.result as { records: Array<Record<string, unknown>> }).records.every((r) => 'offset' in r);
      if (!resent && Date.now() > deadline) throw new Error(`could not send again after the leader came back: ${JSON.stringify(reply)}`);
      if (!resent) await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await client.waitForRecords(streamId, 9, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(numbers(client.records(streamId)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    console.log(`leader of partitions ${[...down].join(', ')} down: ${first.filter((r) => 'error' in r).length} of 6 WebSocket records and ${offsets.filter((o) => o.error_code !== null).length} of 3 HTTP records not written, sent again after: 9 records, none twice`);
  }, 120_000);
});
