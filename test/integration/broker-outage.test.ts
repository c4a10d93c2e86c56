import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerControl, createTestTopic, isMockBroker } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

const OUTAGE_SECONDS = Number(process.env.BROKER_OUTAGE_SECONDS ?? 30);
const value = (n: number) => ({ encoding: 'json' as const, text: JSON.stringify({ n }) });

// Taking a broker down needs the test broker's control channel; against a real cluster, stop a broker by hand.
describe.runIf(isMockBroker())(`a ${OUTAGE_SECONDS} s broker outage mid-tail (test broker: down/up on its control channel)`, () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion();
  });
  afterAll(async () => {
    await brokerControl('up 1').catch(() => {});
    await companion.close();
  });

  it('reports the outage, fails produce with a typed error, recovers by itself, and resumes with no gap and no duplicate', async () => {
    const topic = await createTestTopic(2);
    const producer = await TestClient.paired(companion.wsUrl, companion.token);
    const reader = await TestClient.paired(companion.wsUrl, companion.token);
    await producer.ok({ type: 'produce', topic, records: Array.from({ length: 100 }, (_, i) => ({ partition: i % 2, value: value(i) })) });
    const { streamId } = await reader.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await reader.waitForRecords(streamId, 100);

    await brokerControl('down 1');
    const outageStarted = Date.now();
    const during = await producer.fails({ type: 'produce', topic, records: [{ partition: 0, value: value(-1) }] });
    expect(['KAFKA_UNAVAILABLE', 'TIMEOUT']).toContain(during.code);
    const reported = await reader.waitForStatus(streamId, 'error', 30_000);
    expect(reported.error?.code).toBe('KAFKA_UNAVAILABLE');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_SECONDS * 1000 - (Date.now() - outageStarted))));
    await brokerControl('up 1');

    // Back up: produce more and expect the tail to carry on where it was.
    const deadline = Date.now() + 30_000;
    let produced = false;
    while (!produced && Date.now() < deadline) {
      const reply = await producer.send({ type: 'produce', topic, records: Array.from({ length: 100 }, (_, i) => ({ partition: i % 2, value: value(100 + i) })) });
      produced = reply.type === 'result';
      if (!produced) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(produced).toBe(true);
    await reader.waitForRecords(streamId, 200, 30_000);
    const statuses = reader.statuses(streamId);
    expect(statuses.slice(statuses.lastIndexOf('error') + 1)).toEqual(expect.arrayContaining([expect.stringMatching(/^(live|caught-up)$/)]));
    for (const partition of [0, 1]) {
      const offsets = reader.records(streamId).filter((r) => r.partition === partition).map((r) => Number(r.offset));
      expect(offsets).toEqual([...Array(100).keys()]);
    }
    const values = reader.records(streamId).map((r) => (JSON.parse(r.value!.encoding === 'json' ? r.value!.text : '{}') as { n: number }).n);
    expect(values).not.toContain(-1);
    console.log(`outage: ${OUTAGE_SECONDS} s; statuses ${statuses.join(' > ')}; 200 records, gaps 0, duplicates 0`);
    producer.close();
    reader.close();
  }, 180_000);
});
