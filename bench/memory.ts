import { fillTopic, kafka, type BenchBroker } from './broker';
import type { CompanionProcess } from './companion-process';
import type { Row } from './stats';
import { BenchClient } from './ws-client';

/** Samples the companion's RSS every 100 ms while `work` runs; returns the peak in MB. */
async function peakRss(companion: CompanionProcess, work: () => Promise<void>): Promise<number> {
  let peak = companion.rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, companion.rssMb())), 100);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, companion.rssMb());
}

/**
 * Measurement 4a: companion RSS while a client stalls (reads nothing) and `count` records flow into
 * the tailed topic, then proof that the stalled client gets every record once it reads again.
 */
export async function measureMemory(broker: BenchBroker, companion: CompanionProcess, count: number): Promise<Row[]> {
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  const idle = companion.rssMb();

  // The test broker keeps about 5 MB per partition: enough partitions that it drops nothing here.
  const partitions = Math.max(8, Math.ceil((count * 200) / (4 * 1024 * 1024)));
  const stallTopic = await broker.createTopic('stall', partitions);
  const stalled = await BenchClient.connect(companion.wsUrl, companion.token);
  const statuses: string[] = [];
  const seen = new Map<number, number>();
  let received = 0;
  let gaps = 0;
  const streamId = await stalled.tail(stallTopic, { from: 'latest' });
  stalled.listen(
    streamId,
    (records) => {
      for (const record of records) {
        const partition = record.partition as number;
        const offset = Number(record.offset);
        if (offset !== (seen.get(partition) ?? 0)) gaps++;
        seen.set(partition, offset + 1);
        received++;
      }
    },
    (status) => statuses.push(status),
  );
  // Stop reading the socket: the kernel buffers fill, then the companion's send buffer grows.
  const raw = (stalled.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  raw.pause();
  const stalledPeak = await peakRss(companion, () => fillTopic(producer, stallTopic, count, 100, false));
  raw.resume();
  const deadline = Date.now() + 120_000;
  while (received < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  stalled.close();

  await producer.disconnect();

  const stallLabel = `memory: 1 stalled client, ${count.toLocaleString('en-US')} x 100 B records`;
  const throttled = statuses.includes('throttled');
  return [
    { measurement: 'memory: idle companion', subject: 'companion RSS', value: idle, unit: 'MB' },
    { measurement: stallLabel, subject: 'companion peak RSS', value: stalledPeak, unit: 'MB', goal: '< 200 MB', met: stalledPeak < 200 },
    { measurement: stallLabel, subject: `received after resume (throttled reported: ${throttled ? 'yes' : 'NO'})`, value: received, unit: `of ${count}`, goal: 'all, no gap', met: received === count && gaps === 0 && throttled },
    { measurement: stallLabel, subject: 'offset gaps or duplicates', value: gaps, unit: 'count' },
  ];
}

/**
 * RSS of each companion, in turn, while 20 clients tail one topic at once and `count` 1 KB records
 * flow in; the first companion is the one with the goal.
 */
export async function measureFanOut(broker: BenchBroker, companions: CompanionProcess[], count = 50_000, clientsEach = 20): Promise<Row[]> {
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  const label = `memory: ${clientsEach} clients tailing ${count.toLocaleString('en-US')} x 1 KB`;
  const rows: Row[] = [];
  for (const [i, companion] of companions.entries()) {
    // 16 partitions keep ~3 MB each, under what the test broker retains: a slow reader loses nothing.
    const topic = await broker.createTopic('fan', 16);
    // One after another: more than 16 sockets open at once before their hellos would take each
    // other's places in the companion's unpaired pool (admission.ts), as it is meant to.
    const clients: BenchClient[] = [];
    for (let c = 0; c < clientsEach; c++) clients.push(await BenchClient.connect(companion.wsUrl, companion.token));
    let received = 0;
    for (const client of clients) client.listen(await client.tail(topic, { from: 'latest' }), (records) => (received += records.length));
    const idle = companion.rssMb();
    const started = Date.now();
    const peak = await peakRss(companion, async () => {
      await fillTopic(producer, topic, count, 1024, true);
      while (received < count * clientsEach && Date.now() - started < 90_000) await new Promise((resolve) => setTimeout(resolve, 100));
    });
    const seconds = (Date.now() - started) / 1000;
    for (const client of clients) client.close();
    const goal = i === 0;
    rows.push(
      { measurement: label, subject: `${companion.label}: RSS with ${clientsEach} idle tails`, value: idle, unit: 'MB' },
      { measurement: label, subject: `${companion.label}: peak RSS`, value: peak, unit: 'MB', ...(goal ? { goal: '< 200 MB', met: peak < 200 } : {}) },
      { measurement: label, subject: `${companion.label}: records delivered`, value: received, unit: `of ${count * clientsEach}`, ...(goal ? { goal: 'all', met: received === count * clientsEach } : {}) },
      { measurement: label, subject: `${companion.label}: produce start to last delivered`, value: seconds, unit: 's' },
    );
  }
  await producer.disconnect();
  return rows;
}
