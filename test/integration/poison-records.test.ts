import { Kafka, logLevel, type Message } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { spawnCompanion } from '../helpers/companion-process';
import { percentile, PING_TIMEOUT_MS, pingUntil } from '../helpers/pings';
import { TestClient } from '../helpers/ws-client';
import { BenchClient } from '../../bench/ws-client';

/**
 * Issue 10: records anyone can write must not freeze the companion. While one client tails each
 * poison record, another client pings, `/healthz` answers, and SIGTERM still ends the process in
 * under 2 s. The companion runs in its own process, as users run it: a frozen event loop shows as
 * unanswered pings and an ignored SIGTERM, not as a stuck test runner. The tailing client is the
 * benchmark's (no schema validation per frame): validating 10,000 records with zod in this process
 * would delay the observer's pings here, which is this process's time, not the companion's.
 */
const POISON: Array<[string, () => Message[]]> = [
  ['a record with 50,000 headers', () => [{ value: 'many headers', headers: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`h${i}`, 'v'])) }]],
  ['a 1 MB value of one JSON line', () => [{ value: JSON.stringify({ line: 'x'.repeat(1_000_000 - 20) }) }]],
  ['JSON nested 100,000 deep', () => [{ value: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }]],
  ['a batch of 10,000 tombstones', () => Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i}`, value: null }))],
];

/** How long the tailing client may take to read the poison record to the end. */
const SETTLE_MS = 20_000;

describe('poison records cannot freeze the companion', () => {
  it.each(POISON)('%s: another client pings in < 100 ms p99, /healthz answers, SIGTERM exits in < 2 s', async (_name, records) => {
    const topic = await createTestTopic(1);
    await produce(topic, records());
    const companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    const tailer = await BenchClient.connect(companion.wsUrl, companion.token);
    const observer = await TestClient.paired(companion.wsUrl, companion.token);
    try {
      const streamId = await tailer.tail(topic, { from: 'earliest' });
      let seen = 0;
      const settled = new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('still running'), SETTLE_MS);
        tailer.listen(
          streamId,
          (records) => (seen += records.length),
          (status) => {
            if (status !== 'caught-up') return;
            clearTimeout(timer);
            resolve('caught-up');
          },
        );
      });
      const latencies = await pingUntil(observer, settled);
      const health = await fetch(`${companion.url}/healthz`, { signal: AbortSignal.timeout(PING_TIMEOUT_MS) }).then(
        (res) => res.status,
        () => 0,
      );
      const outcome = await settled;
      const p99 = percentile(latencies, 0.99);
      console.log(`${_name}: ${outcome}, ${seen} records, ${latencies.length} pings, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);

      expect(p99).toBeLessThan(100);
      expect(health).toBe(200);
      expect(outcome).toBe('caught-up');
      expect(seen).toBe(records().length);
      const exit = await companion.stop('SIGTERM');
      expect(exit.ms).toBeLessThan(2_000);
    } finally {
      tailer.close();
      observer.close();
      await companion.stop('SIGKILL');
    }
  }, 60_000);
});

async function produce(topic: string, messages: Message[]): Promise<void> {
  const producer = new Kafka({ clientId: 'ki-test-poison', brokers: testBrokers(), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: messages.map((m) => ({ ...m, partition: 0 })) });
  } finally {
    await producer.disconnect();
  }
}
