import { spawn } from 'node:child_process';
import { kcatProduce } from './baselines';
import { jsonValue, kafka, type BenchBroker } from './broker';
import type { CompanionProcess } from './companion-process';
import { median, type Row } from './stats';
import { BenchClient } from './ws-client';

/**
 * Issue 10's search: scan a topic to its end for one needle. `kcat -C -e | grep` (two processes)
 * against the companion's text filter and a CEL filter on a JSON field, same topic, same run,
 * with scanned/matched counts and the companion's peak RSS. BENCH_NEEDLE_RECORDS (1,000,000) sets
 * the size: a million 1 KB records take a while to produce on a small machine.
 */
const NEEDLE = 'order.7f3a';
const CEL = `value.type == "${NEEDLE}"`;

interface ScanRun {
  ms: number;
  scanned: number;
  matched: number;
  peakRssMb?: number;
}

export async function measureNeedleScan(broker: BenchBroker, companion: CompanionProcess, runs: number): Promise<Row[]> {
  const count = Number(process.env.BENCH_NEEDLE_RECORDS ?? 1_000_000);
  const topic = await broker.createTopic('needle', 6);
  // The haystack through kcat -P (librdkafka batches and compresses nothing: plain 1 KB values), then the needle.
  await kcatProduce(broker.brokers, topic, count - 1, jsonValue(1024).toString());
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  const needle = JSON.parse(jsonValue(1024).toString()) as Record<string, unknown>;
  await producer.send({ topic, messages: [{ key: 'needle', value: JSON.stringify({ ...needle, type: NEEDLE }) }] });
  await producer.disconnect();

  const results: Record<'kcat' | 'text' | 'cel', ScanRun[]> = { kcat: [], text: [], cel: [] };
  for (let run = 0; run < runs; run++) {
    results.kcat.push(await kcatGrep(broker.brokers, topic, count));
    results.text.push(await companionScan(companion, topic, { text: NEEDLE }));
    results.cel.push(await companionScan(companion, topic, { cel: CEL }));
  }
  const rate = (r: ScanRun[]) => median(r.map((x) => (x.scanned / x.ms) * 1000));
  const kcat = rate(results.kcat);
  const label = `scan ${count.toLocaleString('en-US')} x 1 KB JSON (6 partitions) for one needle`;
  const counts = (r: ScanRun[]) => `${r.at(-1)!.scanned.toLocaleString('en-US')} scanned, ${r.at(-1)!.matched} matched`;
  const rows: Row[] = [
    { measurement: label, subject: `kcat -C -e | grep (${counts(results.kcat)})`, value: kcat, unit: 'records/s', runs },
    { measurement: label, subject: `companion, text filter (${counts(results.text)})`, value: rate(results.text), unit: 'records/s', ratio: rate(results.text) / kcat, goal: '>= 1.0x kcat | grep', met: rate(results.text) >= kcat, runs },
    { measurement: label, subject: `companion, CEL ${CEL} (${counts(results.cel)})`, value: rate(results.cel), unit: 'records/s', ratio: rate(results.cel) / kcat, goal: '>= 0.6x kcat | grep', met: rate(results.cel) >= 0.6 * kcat, runs },
    { measurement: label, subject: 'companion peak RSS during the scans', value: Math.max(...[...results.text, ...results.cel].map((r) => r.peakRssMb ?? 0)), unit: 'MB', goal: '< 200 MB', met: Math.max(...[...results.text, ...results.cel].map((r) => r.peakRssMb ?? 0)) < 200 },
  ];
  return rows;
}

/** kcat reads every partition to its end; grep counts the needle's lines. Timed from spawn to exit. */
function kcatGrep(brokers: string[], topic: string, count: number): Promise<ScanRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('sh', ['-c', `kcat -C -b ${brokers.join(',')} -t ${topic} -o beginning -e -q | grep -c -F '${NEEDLE}'`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => resolve({ ms: performance.now() - start, scanned: count, matched: Number(out.trim()) }));
  });
}

/** A filtered tail from earliest until it reports caught-up; the companion's own counters say what it scanned. */
async function companionScan(companion: CompanionProcess, topic: string, filter: Record<string, string>): Promise<ScanRun> {
  const client = await BenchClient.connect(companion.wsUrl, companion.token);
  let peakRssMb = companion.rssMb();
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, companion.rssMb())), 100);
  try {
    const start = performance.now();
    const streamId = await client.tail(topic, { from: 'earliest' }, { filter });
    let matched = 0;
    let scanned = 0;
    await new Promise<void>((resolve) => {
      let caughtUp = false;
      client.listen(
        streamId,
        (records) => (matched += records.length),
        (status) => {
          if (status === 'caught-up') caughtUp = true;
        },
        (stats) => {
          scanned = stats.scanned as number;
          // Stats go out with every status: the ones after caught-up hold the final count.
          if (caughtUp) resolve();
        },
      );
    });
    const ms = performance.now() - start;
    await client.request({ type: 'tailStop', streamId });
    return { ms, scanned, matched, peakRssMb: Math.max(peakRssMb, companion.rssMb()) };
  } finally {
    clearInterval(sampler);
    client.close();
  }
}
