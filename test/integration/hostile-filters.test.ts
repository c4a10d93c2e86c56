import { describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { spawnCompanion } from '../helpers/companion-process';
import { percentile, pingUntil } from '../helpers/pings';
import { TestClient } from '../helpers/ws-client';

/**
 * Issue 10: one paired client's filter must not freeze the companion for everyone. Each hostile
 * filter tails records built to make a backtracking regex or an unbounded CEL evaluation take
 * seconds to hours, while another client tails its own topic and pings. The companion runs in its
 * own process, as users run it, so a frozen event loop shows as unanswered pings, not a stuck test.
 */
const A31 = `${'a'.repeat(30)}!`;
const A10K = `${'a'.repeat(10_000)}!`;
const HOSTILE_VALUES = [A31, `${'ab'.repeat(15)}!`, `${'a1'.repeat(15)}!`, A10K, `${'ab'.repeat(5_000)}!`, `${'a'.repeat(25)}`];
const NUMBERS = JSON.stringify(Array.from({ length: 1000 }, (_, i) => i));

const FILTERS: Array<[string, string]> = [
  ['alternation under a star', 'value.matches("^(a|a)*$")'],
  ['overlapping alternation under a plus', 'value.matches("(a|aa)+$")'],
  ['prefix alternation', 'value.matches("(a|ab)*c")'],
  ['overlapping classes', String.raw`value.matches("(\\w|\\d)+$")`],
  ['optional repeats', 'value.matches("^(a?){25}a{25}$")'],
  ['a polynomial scan over a long value', 'value.matches(".*.*.*.*x")'],
  ['three nested comprehensions', 'value.all(a, value.all(b, value.all(c, a + b + c >= 0.0)))'],
  ['a long key searched in nested comprehensions', "value.exists(a, value.exists(b, key.matches('needle')))"],
];

/** How long a hostile stream may take to scan its few records, or to be ended for its filter. */
const SETTLE_MS = 5_000;

describe('hostile filters cannot freeze the companion for another client', () => {
  it.each(FILTERS)('%s: the other client pings in < 100 ms p99 while %s tails', async (_name, cel) => {
    const companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    const hostile = await TestClient.paired(companion.wsUrl, companion.token);
    const observer = await TestClient.paired(companion.wsUrl, companion.token);
    try {
      const topic = await createTestTopic(1);
      const busy = await createTestTopic(1);
      const key = 'k'.repeat(100_000);
      await hostile.ok({
        type: 'produce',
        topic,
        records: [
          ...HOSTILE_VALUES.map((text) => ({ value: { encoding: 'text' as const, text } })),
          { key: { encoding: 'text' as const, text: key }, value: { encoding: 'json' as const, text: NUMBERS } },
        ],
      });
      await observer.ok({ type: 'produce', topic: busy, records: [{ value: { encoding: 'text', text: 'before' } }] });
      const watched = await observer.ok({ type: 'tailStart', topic: busy, start: { from: 'earliest' } });

      const started = await hostile.ok({ type: 'tailStart', topic, start: { from: 'earliest' }, filter: { cel } });
      const settled = Promise.race([
        hostile.waitForStatus(started.streamId, 'caught-up', SETTLE_MS).then(() => 'caught-up'),
        hostile.waitForStatus(started.streamId, 'ended', SETTLE_MS).then(() => 'ended'),
      ]).catch(() => 'still running');
      const latencies = await pingUntil(observer, settled);
      const outcome = await settled;

      const p99 = percentile(latencies, 0.99);
      console.log(`hostile filter ${cel}: ${outcome}, ${latencies.length} pings, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
      // The observer's own stream still flows (a real broker's first fetch of a new topic may take a few seconds).
      await observer.ok({ type: 'produce', topic: busy, records: [{ value: { encoding: 'text', text: 'still here' } }] });
      await observer.waitForRecords(watched.streamId, 2, 15_000);

      expect(p99).toBeLessThan(100);
      // Scanned to the end (RE2 is linear), or ended by its cost limit with a clear reason.
      expect(outcome).not.toBe('still running');
      if (outcome === 'ended') {
        const error = hostile.streamFrames(started.streamId).find((f) => f.type === 'status' && f.status === 'error');
        expect(error).toMatchObject({ error: { code: 'INVALID_FILTER' } });
      }
    } finally {
      hostile.close();
      observer.close();
      await companion.stop('SIGKILL');
    }
  }, 40_000);
});
