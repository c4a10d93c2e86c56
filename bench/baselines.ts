import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { kafka, type BenchBroker } from './broker';

export interface ReadResult {
  records: number;
  bytes: number;
  ms: number;
  /** From the group join to the last record: fetching and decoding, without connect or join. */
  steadyMs?: number;
  /** CPU the companion (all threads) and the reading client spent on the read (companionRead with a pid). */
  companionCpuMs?: number;
  clientCpuMs?: number;
}

/**
 * The bare KafkaJS consumer: a consumer group reading from the beginning, counting records and
 * value bytes until it has `expected` of them. Timed from connect to the last record, the same span
 * the companion is timed over (tailStart to last record), so the group join counts on both sides.
 */
export async function kafkajsConsumerRead(broker: BenchBroker, topic: string, expected: number): Promise<ReadResult> {
  const consumer = kafka(broker.brokers, 'ki-bench-kafkajs').consumer({ groupId: broker.groupId('kafkajs'), maxBytes: 50 * 1024 * 1024 });
  const start = performance.now();
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let records = 0;
    let bytes = 0;
    let joined = 0;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = performance.now()));
    return await new Promise<ReadResult>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) {
              records++;
              bytes += message.value?.length ?? 0;
            }
            if (records >= expected) resolve({ records, bytes, ms: performance.now() - start, steadyMs: performance.now() - joined });
          },
        })
        .catch(reject);
    });
  } finally {
    // Leaves the group, so the run's clean-up can delete it on a real cluster.
    await consumer.disconnect();
  }
}

/** kcat -C -e: librdkafka in C, group-less, reading from the beginning to the end of every partition. */
export function kcatRead(brokers: string[], topic: string): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('kcat', ['-C', '-b', brokers.join(','), '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%S\n'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let records = 0;
    let bytes = 0;
    createInterface({ input: child.stdout }).on('line', (line) => {
      records++;
      bytes += Number(line);
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve({ records, bytes, ms: performance.now() - start }) : reject(new Error(`kcat exited with ${code}`))));
  });
}

/**
 * kcat -P: produce `count` copies of `value` (one per line) as fast as librdkafka goes. The lines
 * are written in slices: a million 1 KB lines in one string is past V8's longest string.
 */
export function kcatProduce(brokers: string[], topic: string, count: number, value: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('kcat', ['-P', '-b', brokers.join(','), '-t', topic], { stdio: ['pipe', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`kcat -P exited with ${code}`))));
    const slice = `${value}\n`.repeat(Math.min(count, 10_000));
    const write = async () => {
      for (let left = count; left > 0; left -= 10_000) {
        const lines = left >= 10_000 ? slice : `${value}\n`.repeat(left);
        if (!child.stdin.write(lines)) await new Promise((drained) => child.stdin.once('drain', drained));
      }
      child.stdin.end();
    };
    write().catch(reject);
  });
}
