import type { Admin } from 'kafkajs';
import { AssignerProtocol } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { type ClusterReads, type LedPartition, protocolError, type TopicMeta, type WatermarkMap } from '../../../../companion/src/kafka/cluster-reads';
import { describeGroup, listGroups } from '../../../../companion/src/kafka/groups';
import { listTopics } from '../../../../companion/src/kafka/topics';

const topic = (name: string, partitions: number, internal = false): TopicMeta => ({
  name,
  internal,
  errorCode: 0,
  partitions: Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 })),
});

type Committed = Awaited<ReturnType<ClusterReads['committedOffsets']>>;

/**
 * Reads with canned metadata and commits; watermarks are low 10, high 10 + 10 * (partition + 1), or
 * an error for `failing`. OffsetFetch answers as Kafka does: named partitions with -1 where nothing
 * is committed, else only the committed ones.
 */
function fakeReads(topics: TopicMeta[], failing = new Set<string>(), committed: Committed = []): ClusterReads & { asked: LedPartition[][] } {
  const asked: LedPartition[][] = [];
  const offsetOf = (topic: string, partition: number) => committed.find((t) => t.topic === topic)?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
  return {
    asked,
    committedOffsets: async (_groupId, named) =>
      named ? named.map(({ topic, partitions }) => ({ topic, partitions: partitions.map((partition) => ({ partition, offset: offsetOf(topic, partition) })) })) : committed,
    topics: async () => topics,
    async watermarks(partitions) {
      asked.push(partitions);
      const marks: WatermarkMap = new Map();
      for (const { topic: name, partition } of partitions) {
        const mark = failing.has(`${name}/${partition}`) ? { error: protocolError(3) } : { low: '10', high: String(10 + 10 * (partition + 1)) };
        (marks.get(name) ?? marks.set(name, new Map()).get(name)!).set(partition, mark);
      }
      return marks;
    },
    apiVersions: async () => new Map(),
    close: async () => {},
  };
}

describe('listTopics', () => {
  const topics = [topic('orders', 3), topic('payments', 2), topic('__consumer_offsets', 10, true), topic('ORDERS-archive', 1)];

  it('reads watermarks only for the topics the search keeps, in one call', async () => {
    const reads = fakeReads(topics);
    const listed = await listTopics(reads, { search: 'order' });
    expect(listed.map((t) => t.name)).toEqual(['orders', 'ORDERS-archive']);
    expect(reads.asked).toHaveLength(1);
    expect(new Set(reads.asked[0]!.map((p) => p.topic))).toEqual(new Set(['orders', 'ORDERS-archive']));
    expect(listed[0]).toEqual({ name: 'orders', partitions: 3, replicationFactor: 1, messageCount: '60', internal: false });
  });

  it('leaves internal topics out unless asked, and then reads them too', async () => {
    expect((await listTopics(fakeReads(topics))).map((t) => t.name)).not.toContain('__consumer_offsets');
    const reads = fakeReads(topics);
    expect((await listTopics(reads, { includeInternal: true })).find((t) => t.internal)).toMatchObject({ name: '__consumer_offsets', messageCount: '550' });
  });

  it('a partition that did not answer gives its row an error; the other rows are whole', async () => {
    const listed = await listTopics(fakeReads(topics, new Set(['payments/1'])));
    expect(listed.find((t) => t.name === 'orders')).not.toHaveProperty('error');
    expect(listed.find((t) => t.name === 'payments')).toMatchObject({ messageCount: '10', error: { code: 'NOT_FOUND', message: expect.stringContaining('partition 1') } });
  });
});

describe('describeGroup', () => {
  const assignment = (assignment: Record<string, number[]>) => AssignerProtocol.MemberAssignment.encode({ version: 0, assignment, userData: Buffer.alloc(0) });
  const admin = (options: { group?: unknown; describeFails?: boolean }) =>
    ({
      describeGroups: async () => {
        if (options.describeFails) throw Object.assign(new Error('Broker does not support DescribeGroups'), { name: 'KafkaJSNonRetriableError' });
        return { groups: [options.group] };
      },
    }) as unknown as Admin;

  it('lists a partition assigned to a live member with no commit, like kafka-consumer-groups (committed and lag unknown)', async () => {
    const group = {
      groupId: 'g',
      state: 'Stable',
      protocol: 'range',
      members: [{ memberId: 'm1', clientId: 'c1', clientHost: '/127.0.0.1', memberAssignment: assignment({ t: [0, 1], other: [0] }) }],
    };
    const detail = await describeGroup(admin({ group }), fakeReads([topic('t', 2), topic('other', 1)], undefined, [{ topic: 't', partitions: [{ partition: 0, offset: '15' }] }]), 'g', ['t']);
    expect(detail.offsets).toEqual([
      { topic: 't', partition: 0, committed: '15', end: '20', lag: '5' },
      { topic: 't', partition: 1, committed: null, end: '30', lag: null },
    ]);
    expect(detail.totalLag).toBe('5');
    expect(detail.members?.[0]?.assignments).toEqual([
      { topic: 't', partitions: [0, 1] },
      { topic: 'other', partitions: [0] },
    ]);
  });

  it('an unknown group (DescribeGroups says Dead, nothing committed) is NOT_FOUND', async () => {
    const dead = { groupId: 'g', state: 'Dead', protocol: '', members: [] };
    await expect(describeGroup(admin({ group: dead }), fakeReads([]), 'g')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a group with commits and no members is Empty, not missing', async () => {
    const empty = { groupId: 'g', state: 'Empty', protocol: '', members: [] };
    const detail = await describeGroup(admin({ group: empty }), fakeReads([topic('t', 2)], undefined, [{ topic: 't', partitions: [{ partition: 1, offset: '12' }] }]), 'g');
    expect(detail).toMatchObject({ state: 'Empty', members: [], offsets: [{ topic: 't', partition: 1, committed: '12', end: '30', lag: '18' }], totalLag: '18' });
  });

  it('without DescribeGroups (the test broker) lag still shows, with membersError', async () => {
    const detail = await describeGroup(admin({ describeFails: true }), fakeReads([topic('t', 1)], undefined, [{ topic: 't', partitions: [{ partition: 0, offset: '11' }] }]), 'g');
    expect(detail).toMatchObject({ members: null, membersError: { code: 'UNSUPPORTED_BY_BROKER' }, totalLag: '9' });
  });

  it('without DescribeGroups and an empty "every topic" OffsetFetch (the mock), asks each partition by name and keeps the committed ones', async () => {
    const reads = fakeReads([topic('t', 3), topic('__consumer_offsets', 1, true)], undefined, [{ topic: 't', partitions: [{ partition: 2, offset: '25' }] }]);
    const detail = await describeGroup(admin({ describeFails: true }), { ...reads, committedOffsets: async (groupId, named) => (named ? reads.committedOffsets(groupId, named) : []) }, 'g');
    expect(detail.offsets).toEqual([{ topic: 't', partition: 2, committed: '25', end: '40', lag: '15' }]);
    expect(detail.totalLag).toBe('15');
  });

  it('topics named in the request show every partition of them, committed or not', async () => {
    const empty = { groupId: 'g', state: 'Empty', protocol: '', members: [] };
    const detail = await describeGroup(admin({ group: empty }), fakeReads([topic('t', 3)], undefined, [{ topic: 't', partitions: [{ partition: 0, offset: '20' }] }]), 'g', ['t']);
    expect(detail.offsets.map((o) => [o.partition, o.committed, o.lag])).toEqual([[0, '20', '0'], [1, null, null], [2, null, null]]);
  });

  it('leaves out offsets of a topic that no longer exists', async () => {
    const empty = { groupId: 'g', state: 'Empty', protocol: '', members: [] };
    const detail = await describeGroup(admin({ group: empty }), fakeReads([topic('t', 1)], undefined, [{ topic: 'gone', partitions: [{ partition: 0, offset: '3' }] }, { topic: 't', partitions: [{ partition: 0, offset: '20' }] }]), 'g');
    expect(detail.offsets.map((o) => o.topic)).toEqual(['t']);
  });
});

describe('listGroups', () => {
  const noListGroups = { listGroups: async () => Promise.reject(Object.assign(new Error('Broker does not support ListGroups'), { name: 'KafkaJSNonRetriableError' })) } as unknown as Admin;

  it("on a broker without ListGroups lists the companion's own groups, state and members unknown", async () => {
    expect(await listGroups(noListGroups, ['demo-b', 'demo-a'])).toEqual([
      { groupId: 'demo-a', protocolType: 'consumer', state: null, members: null },
      { groupId: 'demo-b', protocolType: 'consumer', state: null, members: null },
    ]);
  });

  it('with no own groups, or another failure, still fails with a typed error', async () => {
    await expect(listGroups(noListGroups)).rejects.toMatchObject({ code: 'UNSUPPORTED_BY_BROKER' });
    const down = { listGroups: async () => Promise.reject(Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' })) } as unknown as Admin;
    await expect(listGroups(down, ['demo-a'])).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
  });
});
