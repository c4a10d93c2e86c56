import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { byLeader, createClusterReads, type ReadCluster } from '../../../../companion/src/kafka/cluster-reads';

const SEND = Symbol('private:Broker:sendRequest');
const METADATA = 3;
const LIST_OFFSETS = 2;

interface Sent {
  nodeId: number;
  apiKey: number;
  args: { topics: Array<{ topic: string; partitions: Array<{ partition: number; timestamp: number }> }> };
}

/** A broker that answers with canned bodies through KafkaJS's request shape; its strict parse would throw. */
class FakeBroker {
  constructor(
    readonly nodeId: number,
    private readonly sent: Sent[],
    private readonly answer: (apiKey: number, args: Sent['args']) => unknown,
  ) {}

  lookupRequest(apiKey: number) {
    return (args: Sent['args']) => ({
      request: { apiKey, args },
      response: {
        decode: async () => this.answer(apiKey, args),
        parse: async () => {
          throw new Error('the strict parser throws on the first error in the body');
        },
      },
    });
  }

  async [SEND](protocol: { request: { apiKey: number; args: Sent['args'] }; response: { decode(): Promise<unknown>; parse(data: unknown): Promise<unknown> } }) {
    this.sent.push({ nodeId: this.nodeId, apiKey: protocol.request.apiKey, args: protocol.request.args });
    return protocol.response.parse(await protocol.response.decode());
  }
}

function fakeReads(answer: (apiKey: number, args: Sent['args']) => unknown) {
  const sent: Sent[] = [];
  const brokers = new Map([1, 2].map((id) => [id, new FakeBroker(id, sent, answer)]));
  const cluster = {
    connect: async () => {},
    disconnect: async () => {},
    findBroker: async ({ nodeId }: { nodeId: number }) => brokers.get(Number(nodeId))!,
    brokerPool: { findConnectedBroker: async () => brokers.get(1)! },
  } as unknown as ReadCluster;
  return { reads: createClusterReads({} as Kafka, () => cluster), sent };
}

const offsetsAnswer = (errors: Record<string, number> = {}) => (apiKey: number, args: Sent['args']) => ({
  responses: args.topics.map(({ topic, partitions }) => ({
    topic,
    partitions: partitions.map(({ partition, timestamp }) => ({
      partition,
      errorCode: errors[`${topic}/${partition}`] ?? 0,
      offset: timestamp === -2 ? '5' : String(100 + partition),
    })),
  })),
  apiKey,
});

describe('cluster reads (Metadata and ListOffsets without tracked topics)', () => {
  it('groups partitions by leader, leaving out partitions with no leader', () => {
    const grouped = byLeader([
      { topic: 'a', partition: 0, leader: 1 },
      { topic: 'a', partition: 1, leader: 2 },
      { topic: 'b', partition: 0, leader: 1 },
      { topic: 'b', partition: 1, leader: -1 },
    ]);
    expect([...grouped].map(([leader, topics]) => [leader, [...topics]])).toEqual([
      [1, [['a', [0]], ['b', [0]]]],
      [2, [['a', [1]]]],
    ]);
  });

  it('asks Metadata once for every topic and keeps a topic whose partitions have errors', async () => {
    const { reads, sent } = fakeReads(() => ({
      topicMetadata: [
        { topic: 'b', topicErrorCode: 0, isInternal: false, partitionMetadata: [{ partitionId: 1, leader: -1, partitionErrorCode: 5, replicas: [1], isr: [] }, { partitionId: 0, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1] }] },
        { topic: '__consumer_offsets', topicErrorCode: 0, isInternal: true, partitionMetadata: [] },
      ],
    }));
    const topics = await reads.topics();
    expect(sent).toEqual([{ nodeId: 1, apiKey: METADATA, args: { topics: [], allowAutoTopicCreation: false } }]);
    expect(topics.map((t) => [t.name, t.internal, t.partitions.map((p) => p.partitionId)])).toEqual([
      ['b', false, [0, 1]],
      ['__consumer_offsets', true, []],
    ]);
  });

  it('asks each leader once for the log start and once for the log end of all the partitions it leads', async () => {
    const { reads, sent } = fakeReads(offsetsAnswer());
    const partitions = Array.from({ length: 300 }, (_, i) => ({ topic: `t${i % 100}`, partition: Math.floor(i / 100), leader: (i % 2) + 1 }));
    const marks = await reads.watermarks(partitions);
    expect(sent.filter((s) => s.apiKey === LIST_OFFSETS).map((s) => [s.nodeId, s.args.topics[0]!.partitions[0]!.timestamp]).sort()).toEqual([
      [1, -1],
      [1, -2],
      [2, -1],
      [2, -2],
    ]);
    expect(sent.filter((s) => s.nodeId === 1).every((s) => s.args.topics.flatMap((t) => t.partitions).length === 150)).toBe(true);
    expect(marks.get('t7')?.get(2)).toEqual({ low: '5', high: '102' });
    expect([...marks.values()].reduce((n, m) => n + m.size, 0)).toBe(300);
  });

  it('keeps a partition error on that partition: a topic deleted mid-list does not fail the others', async () => {
    const { reads } = fakeReads(offsetsAnswer({ 'gone/0': 3 }));
    const marks = await reads.watermarks([
      { topic: 'gone', partition: 0, leader: 1 },
      { topic: 'kept', partition: 0, leader: 1 },
      { topic: 'orphan', partition: 0, leader: -1 },
    ]);
    expect(marks.get('kept')?.get(0)).toEqual({ low: '5', high: '100' });
    expect(marks.get('gone')?.get(0)).toMatchObject({ error: { type: 'UNKNOWN_TOPIC_OR_PARTITION' } });
    expect(marks.get('orphan')?.get(0)).toMatchObject({ error: { type: 'LEADER_NOT_AVAILABLE' } });
  });

  it('a broker that does not answer marks only the partitions it leads', async () => {
    const { reads } = fakeReads((apiKey, args) => {
      if (args.topics.some((t) => t.topic === 'on-2')) throw Object.assign(new Error('Connection error: ECONNREFUSED'), { name: 'KafkaJSNonRetriableError' });
      return offsetsAnswer()(apiKey, args);
    });
    const marks = await reads.watermarks([
      { topic: 'on-1', partition: 0, leader: 1 },
      { topic: 'on-2', partition: 0, leader: 2 },
    ]);
    expect(marks.get('on-1')?.get(0)).toEqual({ low: '5', high: '100' });
    expect(marks.get('on-2')?.get(0)).toMatchObject({ error: { message: 'Connection error: ECONNREFUSED' } });
  });

  it("apiVersions gives each api key's highest version from the connected broker's handshake", async () => {
    const broker = { versions: { 0: { minVersion: 0, maxVersion: 9 }, 3: { minVersion: 0, maxVersion: 12 } } };
    const cluster = { connect: async () => {}, disconnect: async () => {}, brokerPool: { findConnectedBroker: async () => broker } } as unknown as ReadCluster;
    const reads = createClusterReads({} as Kafka, () => cluster);
    expect(await reads.apiVersions()).toEqual(new Map([[0, 9], [3, 12]]));
  });
});
