import { MOCK_FETCH_MAX_WAIT_MS } from '../companion/src/demo/demo-cluster';
import { fillTopic, kafka, type BenchBroker } from './broker';
import { type CompanionProcess, startCompanionProcess } from './companion-process';
import { median, type Row } from './stats';
import { BenchClient } from './ws-client';

const SOCKETS = 16;
const STREAMS_EACH = 16;

/**
 * Issue 16, security 6: 16 sockets each asking for 16 tails from the start of a filled topic, while
 * another client pings every 200 ms. Measured on the companion under test (a global budget,
 * `maxStreamsTotal`) and on one started here with the budget as large as the requests (as before it).
 */
export async function measureManyStreams(broker: BenchBroker, companion: CompanionProcess, records = 2_000, seconds = 10): Promise<Row[]> {
  const producer = kafka(broker.brokers).producer();
  await producer.connect();
  const topic = await broker.createTopic('many-streams', 4);
  await fillTopic(producer, topic, records, 256, true);
  await producer.disconnect();

  // The same settings as run.ts's companion, but for the budget.
  const unbudgeted = await startCompanionProcess(broker.brokers, {
    label: 'no global budget (as before)',
    ...(broker.real ? {} : { fetchMaxWaitMs: MOCK_FETCH_MAX_WAIT_MS }),
    limits: { maxStreamsTotal: SOCKETS * STREAMS_EACH },
  });
  const label = `memory: ${SOCKETS} sockets x ${STREAMS_EACH} streams (${records.toLocaleString('en-US')} x 256 B from the start)`;
  const rows: Row[] = [];
  try {
    for (const [i, subject] of [companion, unbudgeted].entries()) {
      const idle = subject.rssMb();
      const pinger = await BenchClient.connect(subject.wsUrl, subject.token);
      const clients = await Promise.all(Array.from({ length: SOCKETS }, () => BenchClient.connect(subject.wsUrl, subject.token)));
      let opened = 0;
      let refused = 0;
      const pings: number[] = [];
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, subject.rssMb())), 100);
      const pinging = (async () => {
        const end = Date.now() + seconds * 1000;
        while (Date.now() < end) {
          const sent = performance.now();
          await pinger.request({ type: 'ping' });
          pings.push(performance.now() - sent);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      await Promise.all(
        clients.map(async (client) => {
          for (let n = 0; n < STREAMS_EACH; n++) {
            const reply = await client.request({ type: 'tailStart', topic, start: { from: 'earliest' } });
            if (reply.ok === true) opened++;
            else refused++;
          }
        }),
      );
      await pinging;
      clearInterval(sampler);
      for (const client of [pinger, ...clients]) client.close();
      const goal = i === 0;
      rows.push(
        { measurement: label, subject: `${subject.label}: streams opened (refused with LIMIT_EXCEEDED: ${refused})`, value: opened, unit: `of ${SOCKETS * STREAMS_EACH}` },
        { measurement: label, subject: `${subject.label}: RSS idle -> peak`, value: peak, unit: `MB (idle ${idle.toFixed(0)})`, ...(goal ? { goal: '< 200 MB', met: peak < 200 } : {}) },
        { measurement: label, subject: `${subject.label}: another client's ping, median`, value: median(pings), unit: 'ms', ...(goal ? { goal: '< 100 ms', met: median(pings) < 100 } : {}) },
        { measurement: label, subject: `${subject.label}: another client's ping, max`, value: Math.max(...pings), unit: 'ms' },
      );
    }
  } finally {
    await unbudgeted.stop();
  }
  return rows;
}
