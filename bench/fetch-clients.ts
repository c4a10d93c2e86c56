import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openKafkaJsFetcher } from '../companion/src/kafka/kafkajs-fetcher';
import { nextPosition, readPartition } from '../companion/src/kafka/partition-read';
import { DEFAULT_RECORD_CAPS } from '../companion/src/kafka/gateway';
import { fillTopic, kafka, type BenchBroker } from './broker';
import { median, type Row } from './stats';

/**
 * Issue 10's side-by-side of the fetcher behind the tail's port: read a whole topic with Fetch, in
 * this one thread, no WebSocket, no filter. Our Fetch v4 over KafkaJS's broker connections (what
 * the companion runs), first as raw batches (what the main thread does: the scan worker decodes),
 * then decoded here by partition-read.ts; and @platformatic/kafka's public `Consumer.fetch` (no
 * group), which hands back every record decoded on the calling thread. Same topic, same run.
 * @platformatic/kafka is not a dependency of the project: its own dependencies declare Node 22,
 * under the project's Node 20 floor (dependency-engines.test.ts holds every package to it). The
 * bench installs the pinned version into bench/.deps on first use (git-ignored); without the npm
 * registry, only our rows are measured.
 */
const PLATFORMATIC = '@platformatic/kafka@1.35.0';
const DEPS = join(dirname(fileURLToPath(import.meta.url)), '.deps');
const COUNT = Number(process.env.BENCH_FETCH_RECORDS ?? 200_000);
const PARTITIONS = 8;
const MAX_BYTES = 4 * 1024 * 1024;

interface FetchRun {
  ms: number;
  records: number;
  bytes: number;
}

export async function measureFetchClients(broker: BenchBroker, runs: number): Promise<Row[]> {
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  const topic = await broker.createTopic('fetch', PARTITIONS);
  await fillTopic(producer, topic, COUNT, 1024, true);
  await producer.disconnect();
  const platformatic = await loadPlatformatic();
  const results: Record<'raw' | 'decoded' | 'platformatic', FetchRun[]> = { raw: [], decoded: [], platformatic: [] };
  for (let run = 0; run < runs; run++) {
    results.raw.push(await ourFetch(broker, topic, false));
    results.decoded.push(await ourFetch(broker, topic, true));
    if (platformatic) results.platformatic.push(await platformaticFetch(platformatic.Consumer, broker, topic));
  }
  for (const [name, list] of Object.entries(results)) {
    for (const r of list) if (r.records !== COUNT) throw new Error(`fetch-clients: ${name} read ${r.records} records, not ${COUNT}`);
  }
  const label = `fetch a whole topic, one thread (${COUNT.toLocaleString('en-US')} x 1 KB, ${PARTITIONS} partitions)`;
  const rate = (list: FetchRun[]) => median(list.map((r) => (r.records / r.ms) * 1000));
  const mbps = (list: FetchRun[]) => median(list.map((r) => r.bytes / r.ms / 1000));
  const ours = rate(results.decoded);
  const rows: Row[] = [
    { measurement: label, subject: 'ours: Fetch v4 over KafkaJS connections, raw batches', value: rate(results.raw), unit: 'records/s', runs },
    { measurement: label, subject: 'ours: raw batches', value: mbps(results.raw), unit: 'MB/s', runs },
    { measurement: label, subject: 'ours: Fetch v4 + partition-read.ts decoding', value: ours, unit: 'records/s', runs },
  ];
  if (platformatic) {
    rows.push(
      { measurement: label, subject: '@platformatic/kafka 1.35.0 Consumer.fetch (decodes)', value: rate(results.platformatic), unit: 'records/s', ratio: ours / rate(results.platformatic), runs },
      { measurement: label, subject: '@platformatic/kafka 1.35.0', value: mbps(results.platformatic), unit: 'MB/s', runs },
    );
  }
  return rows;
}

/** The companion's fetcher, round trip after round trip at each leader, until every partition reaches its end. */
async function ourFetch(broker: BenchBroker, topic: string, decode: boolean): Promise<FetchRun> {
  const fetcher = await openKafkaJsFetcher(kafka(broker.brokers, 'ki-bench-fetch'));
  try {
    const partitions = await fetcher.partitions(topic);
    const ends = await fetcher.listOffsets(topic, partitions, { fromBeginning: false });
    const positions = await fetcher.listOffsets(topic, partitions, { fromBeginning: true });
    const leaders = fetcher.leaders(topic, partitions);
    const started = performance.now();
    let records = 0;
    let bytes = 0;
    const signal = new AbortController().signal;
    const behind = (list: number[]) => list.filter((p) => BigInt(positions.get(p)!) < BigInt(ends.get(p)!));
    await Promise.all(
      [...leaders].map(async ([leader, list]) => {
        for (let open = behind(list); open.length > 0; open = behind(list)) {
          const ask = { topic, partitions: open.map((partition) => ({ partition, offset: positions.get(partition)!, maxBytes: MAX_BYTES })), maxWaitMs: 100, maxBytes: MAX_BYTES };
          for (const part of await fetcher.fetch(leader, ask, signal)) {
            const from = positions.get(part.partition)!;
            bytes += part.records.length;
            if (decode) {
              const read = readPartition(topic, from, part, DEFAULT_RECORD_CAPS);
              records += read.records.length;
              positions.set(part.partition, read.next);
            } else {
              const next = nextPosition(from, part.records);
              records += Number(BigInt(next) - BigInt(from));
              positions.set(part.partition, next);
            }
          }
        }
      }),
    );
    return { ms: performance.now() - started, records, bytes };
  } finally {
    await fetcher.close();
  }
}

/** @platformatic/kafka's public fetch, the same loop. */
/** The few parts of @platformatic/kafka's Consumer this bench calls (its types are not installed with the project). */
interface PlatformaticConsumer {
  metadata(options: { topics: string[] }): Promise<{ topics: Map<string, { id: string; partitions: Array<{ leader: number }> }> }>;
  listOffsets(options: { topics: string[]; timestamp: bigint }): Promise<Map<string, bigint[]>>;
  fetch(options: {
    node: number;
    maxWaitTime: number;
    maxBytes: number;
    topics: Array<{ topicId: string; partitions: Array<{ partition: number; fetchOffset: bigint; partitionMaxBytes: number; currentLeaderEpoch: number; lastFetchedEpoch: number }> }>;
  }): Promise<{ responses: Array<{ partitions: Array<{ partitionIndex: number; records?: Array<{ firstOffset: bigint; length: number; lastOffsetDelta: number; records: Array<{ offsetDelta: number }> }> }> }> }>;
  close(force: boolean): Promise<void>;
}
type ConsumerClass = new (options: { clientId: string; groupId: string; bootstrapBrokers: string[] }) => PlatformaticConsumer;

async function loadPlatformatic(): Promise<{ Consumer: ConsumerClass } | null> {
  const entry = join(DEPS, 'node_modules', '@platformatic', 'kafka', 'dist', 'index.js');
  try {
    if (!existsSync(entry)) {
      process.stderr.write(`bench: installing ${PLATFORMATIC} into bench/.deps (once)\n`);
      execFileSync('npm', ['install', '--prefix', DEPS, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', PLATFORMATIC], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    return (await import(pathToFileURL(entry).href)) as { Consumer: ConsumerClass };
  } catch (error) {
    process.stderr.write(`bench: ${PLATFORMATIC} could not be installed (${(error as Error).message}): its rows are left out\n`);
    return null;
  }
}

async function platformaticFetch(Consumer: ConsumerClass, broker: BenchBroker, topic: string): Promise<FetchRun> {
  const consumer = new Consumer({ clientId: 'ki-bench-platformatic', groupId: `ki-bench-unused-${Date.now()}`, bootstrapBrokers: broker.brokers });
  try {
    const metadata = await consumer.metadata({ topics: [topic] });
    const meta = metadata.topics.get(topic)!;
    const offsets = await consumer.listOffsets({ topics: [topic], timestamp: -2n });
    const ends = await consumer.listOffsets({ topics: [topic], timestamp: -1n });
    const positions = new Map(offsets.get(topic)!.map((offset, partition) => [partition, offset]));
    const last = new Map(ends.get(topic)!.map((offset, partition) => [partition, offset]));
    const byLeader = new Map<number, number[]>();
    meta.partitions.forEach((p, partition) => byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), partition]));
    const started = performance.now();
    let records = 0;
    let bytes = 0;
    const behind = (list: number[]) => list.filter((p) => positions.get(p)! < last.get(p)!);
    await Promise.all(
      [...byLeader].map(async ([node, list]) => {
        for (let open = behind(list); open.length > 0; open = behind(list)) {
          const answer = await consumer.fetch({
            node,
            maxWaitTime: 100,
            maxBytes: MAX_BYTES,
            topics: [{ topicId: meta.id, partitions: open.map((partition) => ({ partition, fetchOffset: positions.get(partition)!, partitionMaxBytes: MAX_BYTES, currentLeaderEpoch: -1, lastFetchedEpoch: -1 })) }],
          });
          for (const part of answer.responses[0]?.partitions ?? []) {
            let next = positions.get(part.partitionIndex)!;
            for (const batch of part.records ?? []) {
              for (const record of batch.records) {
                const offset = batch.firstOffset + BigInt(record.offsetDelta);
                if (offset < next) continue;
                records++;
              }
              // The batch's bytes as Kafka stores them: its length field counts from after itself.
              bytes += batch.length + 12;
              next = batch.firstOffset + BigInt(batch.lastOffsetDelta) + 1n;
            }
            positions.set(part.partitionIndex, next);
          }
        }
      }),
    );
    return { ms: performance.now() - started, records, bytes };
  } finally {
    await consumer.close(true);
  }
}
