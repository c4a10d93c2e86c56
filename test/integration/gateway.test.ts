import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaJsGateway, type KafkaGateway, type RawRecord, type TailReader } from '../../companion/src/kafka';
import { createTestTopic, isMockBroker, testBrokers, testGroupId } from '../helpers/broker';
import { allWritten } from '../helpers/produced';

const text = (s: string) => Buffer.from(s);

async function readUntil(reader: TailReader, count: number, timeoutMs = 10_000): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  const deadline = Date.now() + timeoutMs;
  while (records.length < count && Date.now() < deadline) records.push(...(await reader.fetch(AbortSignal.timeout(timeoutMs))).records);
  return records;
}

describe('KafkaJS gateway against a real broker over TCP', () => {
  let gateway: KafkaGateway;
  beforeAll(() => {
    gateway = createKafkaJsGateway({ name: 'test', brokers: testBrokers(), fetchMaxWaitMs: 200 });
  });
  afterAll(() => gateway.close());

  it('describes the cluster and its brokers', async () => {
    const info = await gateway.describeCluster();
    expect(info.brokers.length).toBeGreaterThan(0);
    expect(testBrokers().map((b) => b.split(':')[1])).toContain(String(info.brokers[0]!.port));
  });

  it('names as controller one of its brokers, or null when the broker names a node it does not list (the test broker says 0)', async () => {
    const info = await gateway.describeCluster();
    if (info.controller !== null) expect(info.brokers.map((b) => b.nodeId)).toContain(info.controller);
  });

  it.runIf(isMockBroker())('a timestamp start on the test broker (no offsets by time) is UNSUPPORTED_BY_BROKER, not a silent start at the end', async () => {
    const topic = await createTestTopic(1);
    await gateway.produce(topic, [{ key: null, value: text('a'), headers: [], timestamp: '1700000000000' }]);
    await expect(gateway.openTail({ topic, start: { from: 'timestamp', timestamp: '1600000000000' } })).rejects.toMatchObject({ code: 'UNSUPPORTED_BY_BROKER' });
  });

  it('produces keys, headers, a tombstone and an explicit partition, and reads them back field for field', async () => {
    const topic = await createTestTopic(3);
    const produced = allWritten(await gateway.produce(topic, [
      { key: text('order-1'), value: text('{"a":1}'), headers: [{ key: 'trace', value: text('t1') }, { key: 'trace', value: text('t2') }, { key: 'empty', value: Buffer.alloc(0) }] },
      { key: text('order-1'), value: null, headers: [] },
      { partition: 2, key: null, value: Buffer.from([0, 1, 2, 255]), headers: [], timestamp: '1700000000000' },
    ]));
    expect(produced[0]!.partition).toBe(produced[1]!.partition);
    expect(BigInt(produced[1]!.offset)).toBe(BigInt(produced[0]!.offset) + 1n);
    expect(produced[2]).toEqual({ partition: 2, offset: '0' });

    const reader = await gateway.openTail({ topic, start: { from: 'earliest' } });
    const records = await readUntil(reader, 3);
    await reader.close();
    const first = records.find((r) => r.offset === produced[0]!.offset && r.partition === produced[0]!.partition)!;
    expect(first.key?.toString()).toBe('order-1');
    expect(first.value?.toString()).toBe('{"a":1}');
    expect(first.headers.map((h) => [h.key, h.value?.toString() ?? null])).toEqual([['trace', 't1'], ['trace', 't2'], ['empty', '']]);
    const tombstone = records.find((r) => r.offset === produced[1]!.offset && r.partition === produced[1]!.partition)!;
    expect(tombstone.value).toBeNull();
    const binary = records.find((r) => r.partition === 2)!;
    expect([...binary.value!]).toEqual([0, 1, 2, 255]);
    expect(binary.timestamp).toBe('1700000000000');
  });

  it('refuses a null header value with a typed error (KafkaJS 2.2.4 cannot encode one) and sends nothing', async () => {
    const topic = await createTestTopic(1);
    await expect(gateway.produce(topic, [{ key: null, value: text('v'), headers: [{ key: 'h', value: null }] }])).rejects.toMatchObject({ code: 'BAD_FRAME' });
    expect((await gateway.describeTopic(topic)).partitions[0]!.high).toBe('0');
  });

  it('starts at latest, earliest, an offset and the last N, on a subset of partitions', async () => {
    const topic = await createTestTopic(2);
    await gateway.produce(topic, Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, key: null, value: text(`v${i}`), headers: [] })));
    const starts = async (start: Parameters<KafkaGateway['openTail']>[0]['start'], partitions?: number[]) => {
      const reader = await gateway.openTail({ topic, start, partitions });
      await reader.close();
      return reader.starts.map((s) => [s.partition, s.offset, s.low, s.high]);
    };
    expect(await starts({ from: 'earliest' })).toEqual([[0, '0', '0', '5'], [1, '0', '0', '5']]);
    expect(await starts({ from: 'latest' })).toEqual([[0, '5', '0', '5'], [1, '5', '0', '5']]);
    expect(await starts({ from: 'offset', offset: '3' })).toEqual([[0, '3', '0', '5'], [1, '3', '0', '5']]);
    expect(await starts({ from: 'offset', offset: '99' })).toEqual([[0, '5', '0', '5'], [1, '5', '0', '5']]);
    expect(await starts({ from: 'lastN', count: 2 }, [1])).toEqual([[1, '3', '0', '5']]);
    expect(await starts({ from: 'positions', positions: { '0': '4' } })).toEqual([[0, '4', '0', '5'], [1, '5', '0', '5']]);

    const reader = await gateway.openTail({ topic, start: { from: 'lastN', count: 2 }, partitions: [1] });
    const records = await readUntil(reader, 2);
    expect(records.map((r) => [r.partition, r.offset, r.value?.toString()])).toEqual([[1, '3', 'v7'], [1, '4', 'v9']]);
    const batch = await reader.fetch(AbortSignal.timeout(5000));
    expect(batch.caughtUp).toBe(true);
    expect(reader.positions().get(1)).toBe('5');
    const seeked = await reader.seek({ from: 'earliest' });
    expect(seeked[0]!.offset).toBe('0');
    expect((await readUntil(reader, 5)).map((r) => r.value?.toString())).toEqual(['v1', 'v3', 'v5', 'v7', 'v9']);
    await reader.close();
  });

  it('refuses an unknown topic or partition with NOT_FOUND and does not create the topic', async () => {
    const missing = `ki-missing-${Date.now()}`;
    await expect(gateway.openTail({ topic: missing, start: { from: 'latest' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(gateway.describeTopic(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await gateway.listTopics()).map((t) => t.name)).not.toContain(missing);
    const topic = await createTestTopic(2);
    await expect(gateway.openTail({ topic, partitions: [7], start: { from: 'latest' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a waiting fetch rejects promptly when aborted', async () => {
    const topic = await createTestTopic(1);
    const reader = await gateway.openTail({ topic, start: { from: 'latest' } });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    await expect(reader.fetch(controller.signal)).rejects.toThrow(/abort/i);
    expect(performance.now() - started).toBeLessThan(150);
    await reader.close();
  });

  it('measures open-tail to first record on a topic with data', async () => {
    const topic = await createTestTopic(4);
    await gateway.produce(topic, Array.from({ length: 40 }, (_, i) => ({ key: text(`k${i}`), value: text(`v${i}`), headers: [] })));
    const started = performance.now();
    const reader = await gateway.openTail({ topic, start: { from: 'earliest' } });
    const [first] = await readUntil(reader, 1);
    const ms = performance.now() - started;
    await reader.close();
    expect(first).toBeDefined();
    console.log(`open tail -> first record: ${ms.toFixed(1)} ms`);
  });

  it('lists topics with partitions, replication and a message estimate; describes partitions', async () => {
    const topic = await createTestTopic(3);
    await gateway.produce(topic, Array.from({ length: 7 }, (_, i) => ({ partition: i % 3, key: null, value: text('x'), headers: [] })));
    const summary = (await gateway.listTopics()).find((t) => t.name === topic);
    expect(summary).toMatchObject({ partitions: 3, messageCount: '7', internal: false });
    expect(summary!.replicationFactor).toBeGreaterThan(0);
    const detail = await gateway.describeTopic(topic);
    expect(detail.partitions.map((p) => [p.partition, p.low, p.high])).toEqual([[0, '0', '3'], [1, '0', '2'], [2, '0', '2']]);
    expect(detail.partitions[0]!.isr).toContain(detail.partitions[0]!.leader);
  });

  it.runIf(isMockBroker())('topic configs: the test broker lacks DescribeConfigs, so configs are null with a typed reason', async () => {
    const detail = await gateway.describeTopic(await createTestTopic(1));
    expect(detail.configs).toBeNull();
    expect(detail.configsError?.code).toMatch(/UNSUPPORTED_BY_BROKER|KAFKA_ERROR/);
  });

  it.runIf(!isMockBroker())('topic configs (needs real Kafka: DescribeConfigs)', async () => {
    const detail = await gateway.describeTopic(await createTestTopic(1));
    expect(detail.configs?.map((c) => c.name)).toContain('retention.ms');
  });

  describe('consumer groups', () => {
    const kafka = () => new Kafka({ clientId: 'ki-test-group', brokers: testBrokers(), logLevel: logLevel.NOTHING });

    it('describes a group: committed offset, end offset and lag per partition (OffsetFetch)', async () => {
      const topic = await createTestTopic(2);
      await gateway.produce(topic, Array.from({ length: 6 }, (_, i) => ({ partition: i % 2, key: null, value: text('x'), headers: [] })));
      const groupId = testGroupId();
      // A real group member commits (admin.setOffsets needs DescribeGroups, which the test broker lacks).
      const consumer = kafka().consumer({ groupId });
      const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ autoCommit: false, eachMessage: async () => {} });
      await joined;
      await consumer.commitOffsets([{ topic, partition: 0, offset: '1' }, { topic, partition: 1, offset: '3' }]);
      await consumer.disconnect();
      const detail = await gateway.describeGroup(groupId, [topic]);
      expect(detail.offsets).toEqual([
        { topic, partition: 0, committed: '1', end: '3', lag: '2' },
        { topic, partition: 1, committed: '3', end: '3', lag: '0' },
      ]);
      expect(detail.totalLag).toBe('2');
      if (isMockBroker()) expect(detail.membersError?.code).toBeDefined();
    });

    it.runIf(!isMockBroker())('lists groups with state and members (needs real Kafka: ListGroups, DescribeGroups)', async () => {
      const topic = await createTestTopic(1);
      const groupId = testGroupId();
      const consumer = kafka().consumer({ groupId });
      await consumer.connect();
      await consumer.subscribe({ topic });
      await consumer.run({ eachMessage: async () => {} });
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const groups = await gateway.listGroups();
      expect(groups.find((g) => g.groupId === groupId)).toMatchObject({ state: 'Stable', members: 1 });
      await consumer.disconnect();
    });

    it.runIf(isMockBroker())('listing groups on the test broker (no ListGroups) fails with a typed error', async () => {
      await expect(gateway.listGroups()).rejects.toMatchObject({ code: expect.stringMatching(/UNSUPPORTED_BY_BROKER|KAFKA_ERROR|TIMEOUT|KAFKA_UNAVAILABLE/) });
    });
  });
});
