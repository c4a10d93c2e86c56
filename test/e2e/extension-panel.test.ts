import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { EXTENSION_DIR, extensionId, pair, watchErrors } from '../helpers/panel';
import { TestClient } from '../helpers/ws-client';

/**
 * The built extension, loaded unpacked in real Chromium, against a companion process on the test
 * broker: the Kafka panel page opened as an extension page (DevTools itself cannot be scripted
 * headless), driven like a user would.
 */
describe('the DevTools extension in Chromium', () => {
  let companion: CompanionProcess;
  let browser: Browser;
  let topic: string;
  const base = `chrome-extension://${extensionId()}`;

  beforeAll(async () => {
    expect(existsSync(`${EXTENSION_DIR}/manifest.json`), 'build the extension first: npm run build').toBe(true);
    topic = await createTestTopic(3, 'e2e-orders');
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    await client.ok({
      type: 'produce',
      topic,
      records: Array.from({ length: 30 }, (_, i) => ({ key: { encoding: 'text' as const, text: `order-${i}` }, value: { encoding: 'json' as const, text: JSON.stringify({ id: i, status: i % 3 ? 'paid' : 'created', total: i * 3.5 }) }, headers: [{ key: 'source', value: { encoding: 'text' as const, text: 'seed' } }] })),
    });
    client.close();
    browser = await launchChromium({ extensionDir: EXTENSION_DIR });
  });

  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
  });

  it('the devtools page registers a panel named Kafka that points at the panel page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/devtools.html`);
    // A devtools page only works inside DevTools (outside, chrome.devtools is missing and its script
    // throws). Stub chrome.devtools, then run the page's own built script again and record the call.
    // Passed as a string so the test runner leaves its dynamic import alone.
    const calls = (await page.evaluate(`(async () => {
      const recorded = [];
      const devtools = { panels: { create: (...args) => recorded.push(args) } };
      for (const api of [globalThis.chrome, globalThis.browser].filter(Boolean)) {
        Object.defineProperty(api, 'devtools', { value: devtools, configurable: true });
      }
      await import(document.querySelector('script[type=module]').src + '?probe');
      return recorded;
    })()`)) as string[][];
    expect(calls).toHaveLength(1);
    const [title, icon, path] = calls[0]!;
    expect(title).toBe('Kafka');
    const panel = await browser.context.newPage();
    const response = await panel.goto(`${base}${path}`);
    expect(response?.ok()).toBe(true);
    const iconResponse = await panel.goto(`${base}${icon}`);
    expect(iconResponse?.ok()).toBe(true);
    await page.close();
    await panel.close();
  });

  it('pairs, browses topics, tails, produces a record and sees it arrive with key and headers, filters, opens and exports it', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 760 });
    const errors = watchErrors(page);
    await page.goto(`${base}/panel.html`);
    await page.waitForSelector('[data-testid=pairing-form]');
    await screenshot(page, 'extension-1-pairing');
    await pair(page, companion.wsUrl, companion.token);

    // Topics
    await page.fill('[data-testid=topic-search]', 'e2e-orders');
    await page.click(`[data-testid=topic-row][data-topic=${topic}]`);
    await page.waitForSelector('[data-testid=partitions-table] tbody tr >> nth=2');
    expect(await page.locator('[data-testid=partitions-table] tbody tr').count()).toBe(3);
    await screenshot(page, 'extension-2-topics');

    // Tail from the topic's detail (last 100 per partition)
    await page.click('[data-testid=tail-topic]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length >= 20);
    await page.waitForSelector('[data-testid=tail-status][data-status=caught-up]');

    // Produce from the Produce view
    await page.click('[data-testid=tab-produce]');
    await page.fill('[data-testid=produce-topic]', topic);
    await page.fill('[data-testid=produce-key]', 'e2e-key-42');
    await page.fill('[data-testid=produce-value]', '{"id": 42, "status": "refunded", "note": "sent from the panel"}');
    await page.click('[data-testid=add-header]');
    await page.fill('[data-testid=header-key]', 'trace-id');
    await page.fill('[data-testid=header-value]', 'e2e-trace-7');
    await page.click('[data-testid=produce-send]');
    await page.waitForSelector('[data-testid=produce-result]');
    expect(await page.textContent('[data-testid=produce-result]')).toMatch(/Sent 1 record/);
    await screenshot(page, 'extension-3-produce');

    // It arrives in the tail; the quick filter finds it; its detail shows key and headers
    await page.click('[data-testid=tab-tail]');
    await page.fill('[data-testid=quick-filter]', 'refunded');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length === 1);
    const row = page.locator('[data-testid=record-row]');
    expect(await row.textContent()).toContain('e2e-key-42');
    await row.click();
    await page.waitForSelector('[data-testid=record-detail]');
    expect(await page.textContent('[data-testid=detail-key]')).toBe('e2e-key-42');
    expect(await page.textContent('[data-testid=detail-headers]')).toContain('e2e-trace-7');
    expect(await page.textContent('[data-testid=json-tree]')).toContain('"sent from the panel"');
    await screenshot(page, 'extension-4-tail-detail');

    // Export what is shown (the filtered record) as NDJSON
    const [download] = await Promise.all([page.waitForEvent('download'), page.selectOption('[data-testid=tail-export]', 'ndjson')]);
    const exported = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(exported).toHaveLength(1);
    expect(JSON.parse(exported[0]!)).toMatchObject({ topic, key: 'e2e-key-42', value: { id: 42, status: 'refunded' }, headers: [{ key: 'trace-id', value: 'e2e-trace-7' }] });

    // Esc in the quick filter clears it
    await page.focus('[data-testid=quick-filter]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length > 1);

    // Groups view on the test broker explains the missing ListGroups
    await page.click('[data-testid=tab-groups]');
    await page.waitForSelector('[data-testid=groups-unsupported], [data-testid=groups-table]');
    await screenshot(page, 'extension-5-groups');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the options page pairs once for every panel, and a wrong token is refused', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/options.html`);
    await page.fill('[data-testid=pairing-url]', companion.wsUrl);
    await page.fill('[data-testid=pairing-token]', 'not-the-token');
    await page.click('[data-testid=pairing-connect]');
    await page.waitForSelector('[data-testid=pairing-error]');
    expect(await page.textContent('[data-testid=pairing-error]')).toMatch(/token/i);
    await page.fill('[data-testid=pairing-token]', companion.token);
    await page.click('[data-testid=pairing-connect]');
    await page.waitForSelector('[data-testid=options-saved]');
    await screenshot(page, 'extension-6-options');
    // A new panel finds the stored pairing and connects by itself.
    const panel = await browser.context.newPage();
    await panel.goto(`${base}/panel.html`);
    await panel.waitForSelector('[data-testid=connection-status][data-status=open]');
    // Opened again later, the options page says it is paired and that the companion answers (issue 14: 11).
    const again = await browser.context.newPage();
    await again.goto(`${base}/options.html`);
    const paired = again.getByRole('status').filter({ hasText: /^Paired with companion / });
    await paired.waitFor();
    expect(await paired.textContent()).toContain(`at ${companion.wsUrl}.`);
    await screenshot(again, 'extension-7-options-paired-1280-light');
    await again.emulateMedia({ colorScheme: 'dark' });
    await again.setViewportSize({ width: 420, height: 720 });
    await again.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await screenshot(again, 'extension-7-options-paired-420-dark');
    await again.close();
    await page.close();
    await panel.close();
  });
});
