import { Kafka, logLevel, type Producer } from 'kafkajs';
import { startMockBroker } from '../companion/src/demo/mock-broker';

export interface BenchBroker {
  brokers: string[];
  kind: string;
  createTopic(name: string, partitions: number): Promise<void>;
  stop(): Promise<void>;
}

/** The same broker for every subject of a run: KAFKA_BROKERS when set, else the test broker. */
export async function startBenchBroker(): Promise<BenchBroker> {
  const external = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
  if (external?.length) {
    const admin = kafka(external).admin();
    await admin.connect();
    return {
      brokers: external,
      kind: `real cluster ${external.join(',')}`,
      async createTopic(name, partitions) {
        await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true });
      },
      stop: () => admin.disconnect(),
    };
  }
  const mock = await startMockBroker();
  return {
    brokers: mock.brokers,
    kind: 'test broker (librdkafka mock cluster, 1 broker)',
    createTopic: async (name, partitions) => void (await mock.control(`topic ${name} ${partitions}`)),
    stop: () => mock.stop(),
  };
}

export function kafka(brokers: string[], clientId = 'ki-bench'): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

/** Fills a topic with `count` records of `size` bytes (JSON when `json`), spread over its partitions. */
export async function fillTopic(producer: Producer, topic: string, count: number, size: number, json: boolean): Promise<void> {
  const value = json ? jsonValue(size) : Buffer.alloc(size, 'x');
  const chunk = 2000;
  for (let sent = 0; sent < count; sent += chunk) {
    const n = Math.min(chunk, count - sent);
    await producer.send({ topic, acks: 1, messages: Array.from({ length: n }, (_, i) => ({ key: `k${(sent + i) % 1000}`, value })) });
  }
}

/** A JSON object of roughly `size` bytes that looks like an event. */
export function jsonValue(size: number): Buffer {
  const base = { id: 'evt-000001', type: 'order.created', at: '2026-11-24T10:00:00.000Z', amount: 42.5, tags: ['a', 'b'], pad: '' };
  const overhead = Buffer.byteLength(JSON.stringify(base));
  return Buffer.from(JSON.stringify({ ...base, pad: 'p'.repeat(Math.max(0, size - overhead)) }));
}
