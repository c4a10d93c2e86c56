import { cpus } from 'node:os';
import { startBenchBroker } from './broker';
import { startCompanionProcess } from './companion-process';
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
 * BENCH_ONLY=throughput,first-record,latency,memory,fan-out,panel (all), BENCH_PANEL_RECORDS (100000), KAFKA_BROKERS (a real cluster).
 */
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.BENCH_ONLY?.split(',');
const wants = (name: string) => !only || only.includes(name);

const broker = await startBenchBroker();
const onMock = broker.kind.startsWith('test broker');
// The mock holds an empty Fetch answer for the whole wait (real Kafka answers when data arrives), so
// on it the companion runs with the demo broker's short wait; on a real cluster, with its defaults.
const companion = await startCompanionProcess(broker.brokers, {
  label: onMock ? `companion (fetchMaxWaitMs ${MOCK_FETCH_MAX_WAIT_MS}, as the demo)` : 'companion',
  ...(onMock ? { fetchMaxWaitMs: MOCK_FETCH_MAX_WAIT_MS } : {}),
});
// The settings before the latency and memory fixes, side by side in the same run.
const before = await startCompanionProcess(broker.brokers, {
  label: 'before: wait 500, batch 50 ms, high water 8 MiB, V8 defaults',
  fetchMaxWaitMs: 500,
  limits: { batchIntervalMs: 50, highWaterBytes: 8 * 1024 * 1024 },
  v8Defaults: true,
});
const rows: Row[] = [];
const started = Date.now();
const step = async (name: string, measure: () => Promise<Row[]>) => {
  if (!wants(name)) return;
  process.stderr.write(`bench: ${name}...\n`);
  rows.push(...(await measure()));
};
try {
  await step('throughput', () => measureThroughput(broker, [companion, before], runs));
  await step('first-record', () => measureFirstRecord(broker, companion, runs));
  await step('latency', () => measureLatency(broker, [companion, before], Number(process.env.BENCH_LATENCY_SECONDS ?? 30)));
  await step('memory', () => measureMemory(broker, companion, Number(process.env.BENCH_STALL_RECORDS ?? 1_000_000)));
  await step('fan-out', () => measureFanOut(broker, [companion, before]));
  await step('panel', () => measurePanel(broker, companion, runs));
  await step('http', () => measureHttp(broker, companion, runs));
} finally {
  await companion.stop();
  await before.stop();
  await broker.stop();
}
console.log(`\nKafka Inspector benchmark: ${broker.kind}; ${cpus().length} CPUs, Node ${process.version}; medians of ${runs} runs where "runs" is set; ${Math.round((Date.now() - started) / 1000)} s\n`);
console.log(renderTable(rows));
const missed = rows.filter((row) => row.met === false);
console.log(missed.length ? `\nGoals missed: ${missed.map((row) => `${row.measurement} / ${row.subject}`).join('; ')}` : '\nEvery goal met.');
