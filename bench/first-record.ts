import { kafka, type BenchBroker } from './broker';
import type { CompanionProcess } from './companion-process';
import { median, type Row } from './stats';
import { BenchClient } from './ws-client';

/**
 * Measurement 2: start-tail to first record. On a topic with data (from earliest), the companion's
 * group-less tail vs KafkaJS's consumer-group path; on an empty topic, produce -> visible once the
 * tail is open.
 */
export async function measureFirstRecord(broker: BenchBroker, companion: CompanionProcess, runs: number): Promise<Row[]> {
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  const withData = await broker.createTopic('first-record', 4);
  await producer.send({ topic: withData, messages: Array.from({ length: 100 }, (_, i) => ({ value: `record ${i}` })) });

  const companionMs: number[] = [];
  const groupMs: number[] = [];
  const emptyTailMs: number[] = [];
  const emptyProduceMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const client = await BenchClient.connect(companion.wsUrl, companion.token);
    let start = performance.now();
    const streamId = await client.tail(withData, { from: 'earliest' });
    await new Promise<void>((resolve) => client.listen(streamId, () => resolve()));
    companionMs.push(performance.now() - start);

    const empty = await broker.createTopic('empty', 1);
    start = performance.now();
    const emptyStream = await client.tail(empty, { from: 'latest' });
    emptyTailMs.push(performance.now() - start);
    const seen = new Promise<void>((resolve) => client.listen(emptyStream, () => resolve()));
    start = performance.now();
    await producer.send({ topic: empty, acks: 1, messages: [{ value: 'first' }] });
    await seen;
    emptyProduceMs.push(performance.now() - start);
    client.close();

    const consumer = kafka(broker.brokers).consumer({ groupId: broker.groupId('first') });
    start = performance.now();
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: withData, fromBeginning: true });
      await new Promise<void>((resolve, reject) => void consumer.run({ autoCommit: false, eachMessage: async () => resolve() }).catch(reject));
      groupMs.push(performance.now() - start);
    } finally {
      await consumer.disconnect();
    }
  }
  await producer.disconnect();
  const companionMedian = median(companionMs);
  // A new group's first join waits group.initial.rebalance.delay.ms (3 s by default) on real Kafka.
  const groupNote = broker.real ? ' (new group: 3 s initial rebalance delay)' : ' (mock: no 3 s initial rebalance delay)';
  return [
    { measurement: 'start tail -> first record (topic with data)', subject: 'companion (group-less fetch)', value: companionMedian, unit: 'ms', goal: '< 300 ms', met: companionMedian < 300, runs },
    { measurement: 'start tail -> first record (topic with data)', subject: `KafkaJS consumer group${groupNote}`, value: median(groupMs), unit: 'ms', ratio: companionMedian / median(groupMs), runs },
    { measurement: 'empty topic: tailStart -> tail open', subject: 'companion', value: median(emptyTailMs), unit: 'ms', runs },
    { measurement: 'empty topic: produce -> first record visible', subject: 'companion', value: median(emptyProduceMs), unit: 'ms', goal: '< 300 ms', met: median(emptyProduceMs) < 300, runs },
  ];
}
