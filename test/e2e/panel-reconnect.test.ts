import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { tailInStandalonePage, waitForShown, watchErrors } from '../helpers/panel';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The panel's connection is cut mid-stream (the companion killed and restarted) while records keep coming. */
describe('client faults: the companion dies and comes back', () => {
  let browser: Browser;
  let companion: CompanionProcess;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
  });

  it('the panel shows it, reconnects with backoff, and its tail resumes from the next offset held: no gap, no duplicate', async () => {
    const topic = await createTestTopic(2, 'e2e-reconnect');
    const producer = new Kafka({ clientId: 'ki-e2e', brokers: testBrokers(), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    let n = 0;
    const produce = (count: number) => producer.send({ topic, messages: Array.from({ length: count }, () => ({ partition: n % 2, key: `k${n}`, value: JSON.stringify({ n: n++ }) })) });
    const port = await freePort();
    const args = ['--brokers', testBrokers().join(','), '--no-demo', '--port', String(port)];
    companion = await spawnCompanion(args);

    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await tailInStandalonePage(page, companion, topic);
    await page.waitForSelector('[data-testid=tail-status][data-status=caught-up]');
    await produce(40);
    await waitForShown(page, 40);

    await companion.stop('SIGKILL');
    await page.waitForSelector('[data-testid=connection-status][data-status=reconnecting]');
    await page.waitForSelector('[data-testid=tail-status][data-status=disconnected]');
    await screenshot(page, 'reconnect-1-lost');
    await produce(30); // while the companion is down: the panel must get these after it resumes
    companion = await spawnCompanion(args);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]', { timeout: 30_000 });
    await produce(30);
    await waitForShown(page, 100);
    await screenshot(page, 'reconnect-2-resumed');

    const [download] = await Promise.all([page.waitForEvent('download'), page.selectOption('[data-testid=tail-export]', 'ndjson')]);
    const held = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { partition: number; offset: string; value: { n: number } });
    expect(held).toHaveLength(100);
    for (const partition of [0, 1]) {
      const offsets = held.filter((r) => r.partition === partition).map((r) => Number(r.offset)).sort((a, b) => a - b);
      expect(offsets).toEqual([...Array(50).keys()]);
    }
    expect(new Set(held.map((r) => r.value.n)).size).toBe(100);
    // The only errors allowed are the browser's own reports of the refused connections while down.
    expect(errors.filter((e) => !/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
    await producer.disconnect();
  }, 120_000);
});
