import type { StatusFrame, WireRecord } from '@kafka-inspector/shared';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestTopic, deleteTestTopics, isMockBroker, testBrokers, testGroupId, testName } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';
import { createReadyTopics } from '../helpers/kafka-admin';
import { TestClient } from '../helpers/ws-client';

/**
 * Semantics only a real Apache Kafka broker has (the librdkafka mock lacks the APIs), locked in
 * through the companion's WebSocket protocol: timestamp starts and seeks, DeleteRecords under a
 * tail, DescribeConfigs, groups with lag, and tails that leave no consumer group behind.
 * Transactions and compaction are in real-kafka-transactions / real-kafka-compaction.
 */

const text = (t: string) => ({ encoding: 'text' as const, text: t });
const kafka = () => new Kafka({ clientId: 'ki-test', brokers: testBrokers(), logLevel: logLevel.NOTHING });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** `partition:offset=value` of each record; a tombstone shows as `null`. */
const show = (r: WireRecord) => `${r.partition}:${r.offset}=${r.value === null ? 'null' : r.value.encoding === 'binary' ? r.value.base64 : r.value.text}`;
const sorted = (records: WireRecord[]) => records.map(show).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe.runIf(!isMockBroker())('real Kafka semantics through the protocol', () => {
  const paired = usePairedCompanion();
  const ownTopics: string[] = [];
  const ownGroups: string[] = [];
  afterAll(async () => {
    await deleteTestTopics(ownTopics).catch(() => {});
    if (ownGroups.length) {
      const admin = kafka().admin();
      await admin.connect();
      await admin.deleteGroups(ownGroups).catch(() => {});
      await admin.disconnect();
    }
  });

  it('a timestamp start and a timestamp seek move each partition to its first record at or after that time; a later time starts at the end (needs real Kafka: ListOffsets by timestamp)', async () => {
    const { client } = paired;
    const topic = await createTestTopic(3);
    const t0 = Date.now() - 3_600_000;
    // Partition 0 at t0+0,10,..,40; partition 1 at t0+5,15,..,45; partition 2 at t0+1000 and t0+2000.
    const times: Record<number, number[]> = { 0: [0, 10, 20, 30, 40], 1: [5, 15, 25, 35, 45], 2: [1000, 2000] };
    await client.ok({
      type: 'produce',
      topic,
      records: Object.entries(times).flatMap(([p, ts]) => ts.map((dt, i) => ({ partition: Number(p), key: null, value: text(`p${p}-${i}`), timestamp: String(t0 + dt) }))),
    });
    const expected = (partition: number, offsets: number[]) => offsets.map((o) => `${partition}:${o}=p${partition}-${o}`);

    const { streamId, partitions } = await client.ok({ type: 'tailStart', topic, start: { from: 'timestamp', timestamp: t0 + 12 } });
    expect(partitions).toEqual([
      { partition: 0, offset: '2', low: '0', high: '5' },
      { partition: 1, offset: '1', low: '0', high: '5' },
      { partition: 2, offset: '0', low: '0', high: '2' },
    ]);
    await client.waitForRecords(streamId, 9);
    await client.waitForStatus(streamId, 'caught-up');
    const first = client.records(streamId);
    expect(sorted(first)).toEqual([...expected(0, [2, 3, 4]), ...expected(1, [1, 2, 3, 4]), ...expected(2, [0, 1])]);
    // The records carry the timestamps they were produced with.
    for (const r of first) expect(Number(r.timestamp) - t0).toBe(times[r.partition]![Number(r.offset)]);

    // Seek to t0+31: partition 0 to t0+40 (offset 4), partition 1 to t0+35 (3), partition 2 from its start.
    let mark = client.records(streamId).length;
    const seek1 = await client.ok({ type: 'tailSeek', streamId, start: { from: 'timestamp', timestamp: t0 + 31 } });
    expect(seek1.partitions.map((p) => [p.partition, p.offset])).toEqual([
      [0, '4'],
      [1, '3'],
      [2, '0'],
    ]);
    await client.waitForRecords(streamId, mark + 5);
    await sleep(400);
    expect(sorted(client.records(streamId).slice(mark))).toEqual([...expected(0, [4]), ...expected(1, [3, 4]), ...expected(2, [0, 1])]);

    // Seek to t0+1500: partitions 0 and 1 have nothing that late and start at their end.
    mark = client.records(streamId).length;
    const seek2 = await client.ok({ type: 'tailSeek', streamId, start: { from: 'timestamp', timestamp: t0 + 1500 } });
    expect(seek2.partitions.map((p) => [p.partition, p.offset])).toEqual([
      [0, '5'],
      [1, '5'],
      [2, '1'],
    ]);
    await client.waitForRecords(streamId, mark + 1);
    await sleep(400);
    expect(sorted(client.records(streamId).slice(mark))).toEqual(expected(2, [1]));
    await client.ok({ type: 'tailStop', streamId });

    // A time after every record: each partition starts at its end, and only new records arrive.
    const late = await client.ok({ type: 'tailStart', topic, start: { from: 'timestamp', timestamp: t0 + 60_000 } });
    expect(late.partitions.map((p) => [p.partition, p.offset])).toEqual([
      [0, '5'],
      [1, '5'],
      [2, '2'],
    ]);
    await client.waitForStatus(late.streamId, 'caught-up');
    await client.ok({ type: 'produce', topic, records: [0, 1, 2].map((p) => ({ partition: p, key: null, value: text(`new-${p}`) })) });
    await client.waitForRecords(late.streamId, 3);
    await sleep(300);
    expect(sorted(client.records(late.streamId))).toEqual(['0:5=new-0', '1:5=new-1', '2:2=new-2']);
    await client.ok({ type: 'tailStop', streamId: late.streamId });
  });

  it('DeleteRecords under a paused tail: a `status` with `skipped` names the deleted range and the tail goes on (needs real Kafka: DeleteRecords)', async () => {
    const { client } = paired;
    const topic = await createTestTopic(2);
    const produce = (from: number, to: number) =>
      client.ok({ type: 'produce', topic, records: [0, 1].flatMap((p) => range(from, to).map((i) => ({ partition: p, key: null, value: text(`v${i}`) }))) });
    await produce(0, 10);
    const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' } });
    await client.waitForRecords(streamId, 20);
    await client.ok({ type: 'tailPause', streamId });
    await produce(10, 20);

    const admin = kafka().admin();
    await admin.connect();
    try {
      await admin.fetchTopicMetadata({ topics: [topic] });
      await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '15' }] });
    } finally {
      await admin.disconnect();
    }
    const described = await client.ok({ type: 'describeTopic', topic });
    expect(described.partitions.map((p) => [p.partition, p.low, p.high])).toEqual([
      [0, '15', '20'],
      [1, '0', '20'],
    ]);

    await client.ok({ type: 'tailResume', streamId });
    const notice = await client.waitFor<StatusFrame>((f) => f.type === 'status' && f.streamId === streamId && f.skipped !== undefined, 10_000, 'a status with skipped');
    expect(notice.skipped).toEqual([{ partition: 0, from: '10', to: '15' }]);
    expect(notice.status).toBe('live');
    expect(notice.message).toContain('partition 0 offsets 10-14');
    await client.waitForRecords(streamId, 20 + 5 + 10);

    // The tail goes on: new records arrive after the gap.
    await client.ok({ type: 'produce', topic, records: [0, 1].map((p) => ({ partition: p, key: null, value: text('after') })) });
    await client.waitForRecords(streamId, 37);
    await sleep(300);
    const records = client.records(streamId);
    expect(records.filter((r) => r.partition === 0).map((r) => r.offset)).toEqual([...range(0, 10), ...range(15, 21)].map(String));
    expect(records.filter((r) => r.partition === 1).map((r) => r.offset)).toEqual(range(0, 21).map(String));
    expect(records.filter((r) => r.partition === 0).at(-1)).toMatchObject({ offset: '20', value: { text: 'after' } });
    // Exactly one report, and no error.
    expect(client.streamFrames(streamId).filter((f) => f.type === 'status' && f.skipped)).toHaveLength(1);
    expect(client.statuses(streamId)).not.toContain('error');
    await client.ok({ type: 'tailStop', streamId });
  });

  it('describeTopic returns the topic configs: defaults with isDefault true, a topic override with isDefault false (needs real Kafka: DescribeConfigs)', async () => {
    const { client } = paired;
    const topic = testName('ki-test-configs');
    await createReadyTopics(testBrokers(), [{ topic, numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '123456789' }] }]);
    ownTopics.push(topic);
    const detail = await client.ok({ type: 'describeTopic', topic });
    expect(detail.name).toBe(topic);
    expect(detail.internal).toBe(false);
    expect(detail.configsError).toBeUndefined();
    expect(detail.partitions.map((p) => [p.partition, p.low, p.high])).toEqual([
      [0, '0', '0'],
      [1, '0', '0'],
    ]);
    for (const p of detail.partitions) expect(p.replicas).toContain(p.leader);
    const configs = new Map(detail.configs!.map((c) => [c.name, c]));
    expect(configs.get('retention.ms')).toEqual({ name: 'retention.ms', value: '123456789', isDefault: false, readOnly: false, sensitive: false });
    expect(configs.get('cleanup.policy')).toEqual({ name: 'cleanup.policy', value: 'delete', isDefault: true, readOnly: false, sensitive: false });
    expect(configs.get('max.message.bytes')).toMatchObject({ isDefault: true });
    // Sorted by name, each once, and only the override is not a default (the CI broker sets no topic-level defaults).
    const names = detail.configs!.map((c) => c.name);
    expect(names).toEqual([...new Set(names)].sort());
    expect(detail.configs!.filter((c) => !c.isDefault).map((c) => c.name)).toContain('retention.ms');
  });

  it('listGroups and describeGroup show a group that consumed and committed, with lag = end - committed (needs real Kafka: ListGroups, DescribeGroups)', { timeout: 60_000 }, async () => {
    const { client } = paired;
    const topic = await createTestTopic(2);
    await client.ok({
      type: 'produce',
      topic,
      records: [...range(0, 30).map((i) => ({ partition: 0, key: null, value: text(`a${i}`) })), ...range(0, 50).map((i) => ({ partition: 1, key: null, value: text(`b${i}`) }))],
    });
    const groupId = testGroupId();
    ownGroups.push(groupId);
    const consumer = kafka().consumer({ groupId });
    try {
      let consumed = 0;
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ autoCommit: false, eachMessage: async () => void consumed++ });
      const deadline = Date.now() + 30_000;
      while (consumed < 80 && Date.now() < deadline) await sleep(50);
      expect(consumed).toBe(80);
      // Consumed everything, committed only part of it.
      await consumer.commitOffsets([
        { topic, partition: 0, offset: '20' },
        { topic, partition: 1, offset: '45' },
      ]);

      const { groups } = await client.ok({ type: 'listGroups' });
      expect(groups.find((g) => g.groupId === groupId)).toEqual({ groupId, protocolType: 'consumer', state: 'Stable', members: 1 });
      const detail = await client.ok({ type: 'describeGroup', groupId });
      expect(detail).toMatchObject({ groupId, state: 'Stable', protocol: 'RoundRobinAssigner' });
      expect(detail.members).toHaveLength(1);
      expect(detail.members![0]!.assignments).toEqual([{ topic, partitions: [0, 1] }]);
      expect(detail.offsets).toEqual([
        { topic, partition: 0, committed: '20', end: '30', lag: '10' },
        { topic, partition: 1, committed: '45', end: '50', lag: '5' },
      ]);
      expect(detail.totalLag).toBe('15');

      // Lag follows the end offset: 7 more records on partition 0 (the consumer reads them but does not commit).
      await client.ok({ type: 'produce', topic, records: range(0, 7).map((i) => ({ partition: 0, key: null, value: text(`c${i}`) })) });
      const later = await client.ok({ type: 'describeGroup', groupId, topics: [topic] });
      expect(later.offsets.map((o) => [o.partition, o.committed, o.end, o.lag])).toEqual([
        [0, '20', '37', '17'],
        [1, '45', '50', '5'],
      ]);
      expect(later.totalLag).toBe('22');
    } finally {
      await consumer.disconnect();
    }
    // The group outlives its members with its commits: Empty, no members, same lag.
    const { groups } = await client.ok({ type: 'listGroups' });
    expect(groups.find((g) => g.groupId === groupId)).toEqual({ groupId, protocolType: 'consumer', state: 'Empty', members: 0 });
    const empty = await client.ok({ type: 'describeGroup', groupId });
    expect(empty).toMatchObject({ state: 'Empty', members: [], totalLag: '22' });
  });

  it('20 tails, open and then closed, leave no consumer group behind (needs real Kafka: ListGroups)', async () => {
    const { client, companion } = paired;
    const topic = await createTestTopic(3);
    // Other test files of this run may create their own groups meanwhile (all named ki-test-group-<run>-...).
    const others = `ki-test-group-${inject('runTag')}-`;
    const groupIds = async () => (await client.ok({ type: 'listGroups' })).groups.map((g) => g.groupId).filter((id) => !id.startsWith(others));
    const before = await groupIds();

    // 20 tails: more than one socket may hold (16), so 10 on this socket and 10 on a second one.
    const second = await TestClient.paired(companion.wsUrl, companion.token);
    try {
      const open = async (c: TestClient, i: number) =>
        (await c.ok({ type: 'tailStart', topic, start: i % 2 ? { from: 'earliest' } : { from: 'latest' }, ...(i % 3 ? {} : { partitions: [i % 3] }) })).streamId;
      const mine = await Promise.all(range(0, 10).map((i) => open(client, i)));
      const theirs = await Promise.all(range(10, 20).map((i) => open(second, i)));
      for (const id of mine) await client.waitForStatus(id, 'caught-up');
      for (const id of theirs) await second.waitForStatus(id, 'caught-up');
      // They really read: one record on partition 0 reaches every tail.
      await client.ok({ type: 'produce', topic, records: [{ partition: 0, key: null, value: text('ping') }] });
      for (const id of mine) expect((await client.waitForRecords(id, 1)).map(show)).toEqual(['0:0=ping']);
      for (const id of theirs) expect((await second.waitForRecords(id, 1)).map(show)).toEqual(['0:0=ping']);
      expect(await groupIds()).toEqual(before);

      // Closed both ways: tailStop on this socket, the other socket just goes away.
      for (const id of mine) await client.ok({ type: 'tailStop', streamId: id });
    } finally {
      second.close();
    }
    await sleep(500);
    expect(await groupIds()).toEqual(before);
    const admin = kafka().admin();
    await admin.connect();
    try {
      // Asked directly too, in case listGroups hid something.
      expect((await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => !id.startsWith(others)).sort()).toEqual([...before].sort());
    } finally {
      await admin.disconnect();
    }
  });
});
