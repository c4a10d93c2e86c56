import { kafka, type BenchBroker } from './broker';
import type { CompanionProcess } from './companion-process';
import { percentile, type Row } from './stats';
import { BenchClient } from './ws-client';

const now = () => performance.timeOrigin + performance.now();

/**
 * Measurement 3: produce -> client-visible latency at a fixed rate. A WebSocket client of each
 * companion (the first is the one with the goal) and a bare KafkaJS consumer watch the same records
 * at the same time, so all see the same broker.
 */
export async function measureLatency(broker: BenchBroker, companions: CompanionProcess[], seconds: number, rate = 1000): Promise<Row[]> {
  const topic = await broker.createTopic('latency', 4);
  const viaKafkaJs: number[] = [];
  const sentAtOf = (text: string | undefined) => (JSON.parse(text ?? '{}') as { sentAt?: number }).sentAt;
  const sample = (samples: number[], at: number, text: string | undefined) => {
    const sentAt = sentAtOf(text);
    if (sentAt !== undefined) samples.push(at - sentAt);
  };

  const watchers = await Promise.all(
    companions.map(async (companion) => {
      const samples: number[] = [];
      const client = await BenchClient.connect(companion.wsUrl, companion.token);
      const streamId = await client.tail(topic, { from: 'latest' });
      client.listen(streamId, (records) => {
        const at = now();
        for (const record of records) sample(samples, at, (record.value as { text?: string }).text);
      });
      return { companion, client, samples };
    }),
  );
  const consumer = kafka(broker.brokers).consumer({ groupId: broker.groupId('latency'), maxWaitTimeInMs: 100 });
  const producer = kafka(broker.brokers).producer();
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => sample(viaKafkaJs, now(), message.value?.toString()) });
    await producer.connect();
    // Warm every reader up before the clock starts: at least 1.5 s, and until the consumer group has
    // joined (on real Kafka a new group's join waits 3 s, group.initial.rebalance.delay.ms).
    const warm = now();
    while ((!joined && now() - warm < 15_000) || now() - warm < 1500) await new Promise((resolve) => setTimeout(resolve, 50));
    return await produceAndWatch();
  } finally {
    for (const watcher of watchers) watcher.client.close();
    await consumer.disconnect();
    await producer.disconnect();
  }

  /** Produces `rate` records/s for `forSeconds`, each value from `value(seq)`, without waiting for acks. */
  async function produceAt(forSeconds: number, value: (seq: number) => Record<string, unknown>): Promise<void> {
    const tickMs = 10;
    const perTick = (rate * tickMs) / 1000;
    const total = rate * forSeconds;
    let sent = 0;
    const started = now();
    while (sent < total) {
      const due = Math.min(total, Math.floor(((now() - started) / tickMs + 1) * perTick));
      if (due > sent) {
        const messages = Array.from({ length: due - sent }, (_, i) => ({ key: `k${sent + i}`, value: JSON.stringify(value(sent + i)) }));
        sent = due;
        void producer.send({ topic, acks: 1, messages });
      }
      await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
  }

  async function produceAndWatch(): Promise<Row[]> {
    const total = rate * seconds;
    await produceAt(seconds, (seq) => ({ seq, sentAt: now() }));
    const deadline = now() + 10_000;
    while ((watchers.some((w) => w.samples.length < total) || viaKafkaJs.length < total) && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    const label = `produce -> visible latency, ${rate}/s for ${seconds} s`;
    const rows: Row[] = [];
    const subjects = [
      ...watchers.map((w) => ({ subject: `${w.companion.label} -> ws client`, samples: w.samples, goal: w === watchers[0] })),
      { subject: 'bare KafkaJS consumer (maxWaitTimeInMs 100)', samples: viaKafkaJs, goal: false },
    ];
    for (const { subject, samples, goal } of subjects) {
      const p99 = percentile(samples, 99);
      rows.push({ measurement: label, subject: `${subject} p50`, value: percentile(samples, 50), unit: 'ms' });
      rows.push({ measurement: label, subject: `${subject} p99`, value: p99, unit: 'ms', ...(goal ? { goal: '< 50 ms', met: p99 < 50 } : {}) });
      rows.push({ measurement: label, subject: `${subject} max`, value: Math.max(...samples), unit: 'ms' });
      rows.push({ measurement: label, subject: `${subject} received`, value: samples.length, unit: `of ${total}` });
    }
    return rows;
  }
}
