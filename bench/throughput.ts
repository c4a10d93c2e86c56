import { kafkajsConsumerRead, kcatRead, type ReadResult } from './baselines';
import { fillTopic, kafka, type BenchBroker } from './broker';
import { companionRead } from './companion-read';
import type { CompanionProcess } from './companion-process';
import { median, type Row } from './stats';
import { BenchClient } from './ws-client';

const CASES = [
  { name: '1 KB JSON', what: 'json-1k', count: 20_000, size: 1024, json: true },
  { name: '100 B', what: 'bytes-100', count: 100_000, size: 100, json: false },
];

/** Measurement 1: records/s and MB/s, companion vs bare KafkaJS consumer vs kcat, same topic and records. */
export async function measureThroughput(broker: BenchBroker, companions: CompanionProcess[], runs: number): Promise<Row[]> {
  const [companion, ...others] = companions as [CompanionProcess, ...CompanionProcess[]];
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  const rows: Row[] = [];
  for (const c of CASES) {
    // A fresh topic per run and case (deleted at the end on a real cluster), 8 partitions on both brokers.
    const topic = await broker.createTopic(c.what, 8);
    await fillTopic(producer, topic, c.count, c.size, c.json);
    const results: Record<string, ReadResult[]> = { companion: [], kafkajs: [], kcat: [] };
    for (const other of others) results[other.label] = [];
    for (let run = 0; run < runs; run++) {
      for (const [i, subject] of companions.entries()) {
        const client = await BenchClient.connect(subject.wsUrl, subject.token);
        results[i === 0 ? 'companion' : subject.label]!.push(await companionRead(client, topic, c.count, subject.pid));
        client.close();
      }
      results.kafkajs!.push(await kafkajsConsumerRead(broker, topic, c.count));
      results.kcat!.push(await kcatRead(broker.brokers, topic));
    }
    const rate = (subject: string) => median(results[subject]!.map((r) => (r.records / r.ms) * 1000));
    const mbps = (subject: string) => median(results[subject]!.map((r) => r.bytes / r.ms / 1000));
    const companionRate = rate('companion');
    const label = `tail throughput, ${c.name} (${c.count.toLocaleString('en-US')} records)`;
    rows.push({ measurement: label, subject: `${companion.label} -> ws client`, value: companionRate, unit: 'records/s', runs });
    rows.push({ measurement: label, subject: `${companion.label} -> ws client`, value: mbps('companion'), unit: 'MB/s', runs });
    // Where a record's time goes on these 2 cores: the companion (fetch, decode, JSON, socket) and
    // the client (JSON.parse of every frame), both CPU over all threads per record delivered.
    const perRecord = (cpu: 'companionCpuMs' | 'clientCpuMs') => median(results.companion!.map((r) => (r[cpu]! * 1000) / r.records));
    rows.push({ measurement: label, subject: `${companion.label}: CPU per record, all threads`, value: perRecord('companionCpuMs'), unit: 'µs', runs });
    rows.push({ measurement: label, subject: 'ws client (the bench, JSON.parse of every frame): CPU per record', value: perRecord('clientCpuMs'), unit: 'µs', runs });
    for (const other of others) rows.push({ measurement: label, subject: `${other.label} -> ws client`, value: rate(other.label), unit: 'records/s', ratio: companionRate / rate(other.label), runs });
    // Timed like the companion (start to last record, its group join included), and from the join
    // on (fetch and decode only): the goal is held against the stricter of the two.
    const steady = median(results.kafkajs!.map((r) => (r.records / r.steadyMs!) * 1000));
    rows.push({ measurement: label, subject: 'bare KafkaJS consumer, connect to last record', value: rate('kafkajs'), unit: 'records/s', ratio: companionRate / rate('kafkajs'), runs });
    rows.push({ measurement: label, subject: 'bare KafkaJS consumer, group joined to last record', value: steady, unit: 'records/s', ratio: companionRate / steady, goal: 'companion >= 0.8x', met: companionRate >= 0.8 * steady, runs });
    rows.push({ measurement: label, subject: 'kcat -C -e', value: rate('kcat'), unit: 'records/s', ratio: companionRate / rate('kcat'), goal: 'companion >= 0.3x', met: companionRate >= 0.3 * rate('kcat'), runs });
  }
  await producer.disconnect();
  return rows;
}
