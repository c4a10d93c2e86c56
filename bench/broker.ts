import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { startMockBroker } from '../companion/src/demo/mock-broker';

export interface BenchBroker {
  brokers: string[];
  kind: string;
  /** A real Kafka cluster (KAFKA_BROKERS or the shared broker), not the test broker. */
  real: boolean;
  /**
   * Creates a topic under a name of its own for this run (`bench-<run tag>-<what>-<random>`) and
   * returns that name. On a real cluster `stop()` deletes it again.
   */
  createTopic(what: string, partitions: number): Promise<string>;
  /** A consumer group id of its own for this run; on a real cluster `stop()` deletes the group. */
  groupId(what: string): string;
  /** Deletes what the run created (real clusters), then stops the broker if the bench started it. Idempotent. */
  stop(): Promise<void>;
  /** For a signal handler: stops a broker the bench started, synchronously (no clean-up of topics). */
  stopNow(): void;
}

/** The real Apache Kafka launcher developers and CI have beside the checkout (../shared/kafka). */
export const SHARED_KAFKA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'kafka', 'kafka-broker');

/**
 * Runs the launcher and resolves with what it printed. In a process group of its own, so a Ctrl-C
 * in the terminal reaches run.ts's handler (which stops the broker once it is up) and not the
 * launcher halfway through a start.
 */
function launcher(args: string[]): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(SHARED_KAFKA, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveRun(stdout) : reject(new Error(`kafka-broker ${args[0]} exited with ${code}`))));
  });
}

/** A setup problem to print as one line, without a stack trace. */
export class BenchSetupError extends Error {}

/**
 * The same broker for every subject of a run: KAFKA_BROKERS when set; else, with `real`, the real
 * Apache Kafka broker from ../shared/kafka (started here, stopped by `stop()`); else the test broker.
 */
export async function startBenchBroker(options: { real: boolean }): Promise<BenchBroker> {
  const runTag = `r${randomBytes(3).toString('hex')}`;
  const external = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean);
  if (external?.length) return realBroker(external, `real cluster ${external.join(',')}`, runTag, null);
  if (options.real) {
    const launched = await launchSharedKafka();
    try {
      return await realBroker([launched.boot], `real Apache Kafka 3.1.0 (../shared/kafka, KRaft, 1 broker, ${launched.boot})`, runTag, launched);
    } catch (error) {
      launched.stopSync();
      throw error;
    }
  }
  const mock = await startMockBroker();
  let stopping: Promise<void> | undefined;
  return {
    brokers: mock.brokers,
    kind: 'test broker (librdkafka mock cluster, 1 broker)',
    real: false,
    async createTopic(what, partitions) {
      const name = benchName(runTag, what);
      await mock.control(`topic ${name} ${partitions}`);
      return name;
    },
    groupId: (what) => benchName(runTag, what),
    stop: () => (stopping ??= mock.stop()),
    stopNow: () => {},
  };
}

const benchName = (runTag: string, what: string) => `bench-${runTag}-${what}-${randomUUID().slice(0, 6)}`;

interface Launched {
  boot: string;
  stop(): Promise<void>;
  stopSync(): void;
}

/** `kafka-broker start` with a data folder of its own, removed again when the broker stops. */
async function launchSharedKafka(): Promise<Launched> {
  if (!existsSync(SHARED_KAFKA)) {
    throw new BenchSetupError(
      `BENCH_BROKER=real needs the real Kafka launcher at ${SHARED_KAFKA}, which only developer and CI machines have ` +
        `(a "shared" folder beside the checkout). This machine has none: run "npm run bench" for the test broker, ` +
        `or point the bench at a cluster of your own with KAFKA_BROKERS=host:port npm run bench.`,
    );
  }
  // Debian's Java runtime, when missing (a no-op otherwise).
  await launcher(['deps']);
  const data = mkdtempSync(join(tmpdir(), 'ki-bench-kafka-'));
  let line: string;
  try {
    line = (await launcher(['start', '--data', data])).trim();
  } catch (error) {
    throw new BenchSetupError(`the real Kafka broker did not start (${(error as Error).message.split('\n')[0]}); its log is ${data}/broker.log`);
  }
  const [pid, boot] = line.split(/\s+/);
  if (!pid || !boot) throw new BenchSetupError(`kafka-broker start printed "${line}", not "PID HOST:PORT"`);
  process.stderr.write(`bench: started real Kafka ${boot} (pid ${pid}, data ${data})\n`);
  let stopped = false;
  const removeData = () => rmSync(data, { recursive: true, force: true });
  return {
    boot,
    async stop() {
      if (stopped) return;
      stopped = true;
      await launcher(['stop', pid]);
      removeData();
      process.stderr.write(`bench: stopped real Kafka (pid ${pid})\n`);
    },
    stopSync() {
      if (stopped) return;
      stopped = true;
      execFileSync(SHARED_KAFKA, ['stop', pid], { stdio: 'ignore' });
      removeData();
    },
  };
}

async function realBroker(brokers: string[], kind: string, runTag: string, launched: Launched | null): Promise<BenchBroker> {
  const admin = kafka(brokers, 'ki-bench-admin').admin();
  await admin.connect();
  let stopping: Promise<void> | undefined;
  return {
    brokers,
    kind,
    real: true,
    async createTopic(what, partitions) {
      const name = benchName(runTag, what);
      // numPartitions always: a real broker's default (num.partitions) is not what the mock runs use.
      await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true });
      return name;
    },
    groupId: (what) => benchName(runTag, what),
    stop: () =>
      (stopping ??= (async () => {
        try {
          await deleteRunLeftovers(admin, runTag);
        } finally {
          await admin.disconnect().catch(() => {});
          await launched?.stop();
        }
      })()),
    stopNow: () => launched?.stopSync(),
  };
}

/**
 * Deletes every topic and consumer group carrying this run's tag (all of them are named through
 * `createTopic` and `groupId`, so a measurement cut short leaves nothing behind either). Failures
 * are reported, not thrown, so the broker still stops.
 */
async function deleteRunLeftovers(admin: Admin, runTag: string): Promise<void> {
  const ours = (name: string) => name.startsWith(`bench-${runTag}-`);
  let topicCount = 0;
  let groupCount = 0;
  try {
    const toDelete = (await admin.listTopics()).filter(ours);
    if (toDelete.length) await admin.deleteTopics({ topics: toDelete, timeout: 30_000 });
    topicCount = toDelete.length;
  } catch (error) {
    process.stderr.write(`bench: deleting the run's topics failed: ${(error as Error).message}\n`);
  }
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter(ours);
    // One by one: a group that still has a member (a measurement cut short) must not keep the rest.
    const results = await Promise.allSettled(groups.map((group) => admin.deleteGroups([group])));
    groupCount = results.filter((r) => r.status === 'fulfilled').length;
    const failed = groups.filter((_, i) => results[i]!.status === 'rejected');
    if (failed.length) process.stderr.write(`bench: could not delete consumer groups ${failed.join(', ')} (still in use?)\n`);
  } catch (error) {
    process.stderr.write(`bench: deleting the run's consumer groups failed: ${(error as Error).message}\n`);
  }
  process.stderr.write(`bench: deleted ${topicCount} topics and ${groupCount} consumer groups of run ${runTag}\n`);
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
