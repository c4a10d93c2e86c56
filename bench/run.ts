import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { BenchSetupError, startBenchBroker, type BenchBroker } from './broker';
import { startCompanionProcess, type CompanionProcess } from './companion-process';
import { MOCK_FETCH_MAX_WAIT_MS } from '../companion/src/demo/demo-cluster';
import { measureFirstRecord } from './first-record';
import { measureLatency } from './latency';
import { measureFanOut, measureMemory } from './memory';
import { renderTable, type Row } from './stats';
import { measureThroughput } from './throughput';
import { measurePanel } from './panel';
import { measureHttp } from './http';

/**
 * `npm run bench`: every measurement side by side on one broker, one table. Knobs (env):
 * BENCH_RUNS (3), BENCH_LATENCY_SECONDS (30), BENCH_STALL_RECORDS (1000000),
 * BENCH_ONLY=throughput,first-record,latency,memory,fan-out,panel,filter-eval,needle-scan (all), BENCH_PANEL_RECORDS (100000),
 * BENCH_NEEDLE_RECORDS (1000000), BENCH_ONLY=fetch-clients (issue 10's fetcher side by side), BENCH_FETCH_RECORDS (200000),
 * BENCH_ONLY=decode (Avro through a registry vs JSON), BENCH_DECODE_RECORDS (1000000),
 * KAFKA_BROKERS (a real cluster), BENCH_BROKER=real or `npm run bench -- --real` (the real Apache
 * Kafka broker from ../shared/kafka, started and stopped here), BENCH_JSON=FILE (the rows as JSON,
 * for bench/compare.ts).
 */
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.BENCH_ONLY?.split(',');
const wants = (name: string) => !only || only.includes(name);
const real = process.env.BENCH_BROKER === 'real' || process.argv.includes('--real');
if (process.env.BENCH_BROKER && !['real', 'mock'].includes(process.env.BENCH_BROKER)) {
  console.error(`bench: BENCH_BROKER is "real" or "mock" (the default), not "${process.env.BENCH_BROKER}"`);
  process.exit(2);
}

const companions: CompanionProcess[] = [];
// Started asynchronously, after the signal handlers below: a Ctrl-C while the broker starts still
// stops it once it is up.
const starting = startBenchBroker({ real });
starting.catch(() => {});

// Everything the run started is stopped, and on a real cluster everything it created deleted,
// however the run ends: normally, with a failed measurement, or on Ctrl-C / SIGTERM.
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await Promise.all(companions.map((c) => c.stop().catch(() => {})));
    const broker = await starting.catch(() => null);
    await broker?.stop();
  })());
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: a second signal (or one re-raised by another handler) must not kill the
  // process while the clean-up runs.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\nbench: ${signal}, cleaning up...\n`);
    // Measurements still in flight fail once their broker and companions go: that is expected now.
    process.on('unhandledRejection', () => {});
    const exit = () =>
      void starting
        .then((broker) => broker.stopNow())
        .catch(() => {})
        .finally(() => process.exit(130));
    const force = setTimeout(exit, 60_000);
    void cleanUp()
      .catch((error: Error) => process.stderr.write(`bench: clean-up failed: ${error.message}\n`))
      .finally(() => {
        clearTimeout(force);
        exit();
      });
  });
}

let broker: BenchBroker;
try {
  broker = await starting;
} catch (error) {
  if (!(error instanceof BenchSetupError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exit(1);
}

const rows: Row[] = [];
const started = Date.now();
let companionLabel = '';
try {
  if (interrupted) throw new Error('interrupted');
  // The mock holds an empty Fetch answer for the whole wait (real Kafka answers when data arrives), so
  // on it the companion runs with the demo broker's short wait; on a real cluster, with its defaults.
  companionLabel = broker.real ? 'companion (defaults)' : `companion (fetchMaxWaitMs ${MOCK_FETCH_MAX_WAIT_MS}, as the demo)`;
  const companion = await startCompanionProcess(broker.brokers, {
    label: companionLabel,
    ...(broker.real ? {} : { fetchMaxWaitMs: MOCK_FETCH_MAX_WAIT_MS }),
  });
  companions.push(companion);
  // The settings before the latency and memory fixes, side by side in the same run.
  const before = await startCompanionProcess(broker.brokers, {
    label: 'before: wait 500, batch 50 ms, high water 8 MiB, V8 defaults',
    fetchMaxWaitMs: 500,
    limits: { batchIntervalMs: 50, highWaterBytes: 8 * 1024 * 1024 },
    v8Defaults: true,
  });
  companions.push(before);
  const step = async (name: string, measure: () => Promise<Row[]>) => {
    if (!wants(name)) return;
    if (interrupted) throw new Error('interrupted');
    process.stderr.write(`bench: ${name}...\n`);
    rows.push(...(await measure()));
  };
  await step('throughput', () => measureThroughput(broker, [companion, before], runs));
  await step('first-record', () => measureFirstRecord(broker, companion, runs));
  await step('latency', () => measureLatency(broker, [companion, before], Number(process.env.BENCH_LATENCY_SECONDS ?? 30)));
  await step('memory', () => measureMemory(broker, companion, Number(process.env.BENCH_STALL_RECORDS ?? 1_000_000)));
  await step('fan-out', () => measureFanOut(broker, [companion, before]));
  await step('panel', () => measurePanel(broker, companion, runs));
  await step('http', () => measureHttp(broker, companion, runs));
  await step('many-streams', async () => (await import('./many-streams')).measureManyStreams(broker, companion));
  await step('filter-eval', async () => (await import('./filter-eval')).measureFilterEval(runs));
  await step('decode', async () => (await import('./decode')).measureDecode(runs));
  await step('fetch-clients', async () => (await import('./fetch-clients')).measureFetchClients(broker, runs));
  await step('needle-scan', async () => (await import('./needle-scan')).measureNeedleScan(broker, companion, runs));
} finally {
  await cleanUp();
}
const seconds = Math.round((Date.now() - started) / 1000);
const header = `${broker.kind}; ${cpus().length} CPUs, Node ${process.version}; medians of ${runs} runs where "runs" is set; ${seconds} s`;
console.log(`\nKafka Inspector benchmark: ${header}\n`);
console.log(renderTable(rows));
const missed = rows.filter((row) => row.met === false);
console.log(missed.length ? `\nGoals missed: ${missed.map((row) => `${row.measurement} / ${row.subject}`).join('; ')}` : '\nEvery goal met.');
if (process.env.BENCH_JSON) {
  writeFileSync(process.env.BENCH_JSON, JSON.stringify({ header, real: broker.real, companionLabel, runs, rows }, null, 1));
}
