import { existsSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, deleteTestTopics, isMockBroker, testBrokers } from '../helpers/broker';
import { SCREENSHOT_DIR } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { type DevtoolsSession, openDevtoolsOn } from '../helpers/devtools';
import { EXTENSION_DIR } from '../helpers/panel';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The Kafka panel inside real Chrome DevTools (headful Chromium under Xvfb), docked on a small
 * app whose API produces to Kafka: a request picked in the panel shows exactly the records it
 * caused, found by its traceparent or its request id.
 */
describe('DevTools: requests of the inspected page and the records they caused', () => {
  let companion: CompanionProcess;
  let app: TestApp;
  let session: DevtoolsSession;
  let panel: Frame;
  let topic: string;

  const rowsFor = (path: string) => panel.locator(`[data-testid=request-row][data-url$="${path}"]`);
  const waitDone = () => panel.waitForSelector('[data-testid=correlation-status][data-status=done]', { timeout: 45_000 });
  const shot = async (name: string) => {
    await session.devtools.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  };

  beforeAll(async () => {
    expect(existsSync(`${EXTENSION_DIR}/manifest.json`), 'build the extension first: npm run build').toBe(true);
    topic = await createTestTopic(3, 'e2e-shop');
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    app = await startTestApp(testBrokers(), topic);
    session = await openDevtoolsOn(app.url, EXTENSION_DIR);
    panel = await session.showPanel('Kafka');
    await panel.fill('[data-testid=pairing-url]', companion.wsUrl);
    await panel.fill('[data-testid=pairing-token]', companion.token);
    await panel.click('[data-testid=pairing-connect]');
    await panel.waitForSelector('[data-testid=connection-status][data-status=open]');
  });

  afterAll(async () => {
    await session?.close();
    await app?.close();
    await companion?.stop();
    if (topic) await deleteTestTopics([topic]);
  });

  it('lists the page\u2019s requests and finds exactly the records of the one picked, by traceparent and by request id', async () => {
    await panel.click('[data-testid=tab-requests]');
    await panel.waitForFunction((origin) => document.querySelector('[data-testid=requests-site]')?.textContent === origin, new URL(app.url).origin);
    await panel.fill('[data-testid=correlation-topics]', topic);
    await panel.click('[data-testid=correlation-apply]');

    // Two payments and an order: each produces its own records plus unrelated noise.
    for (const button of ['#pay', '#pay', '#order']) {
      const before = app.calls.length;
      await session.page.click(button);
      await session.page.waitForFunction(() => document.getElementById('out')!.textContent !== '');
      await expect.poll(() => app.calls.length).toBe(before + 1);
      await session.page.evaluate(() => (document.getElementById('out')!.textContent = ''));
    }
    await expect.poll(() => rowsFor('/api/pay').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => rowsFor('/api/order').count()).toBe(1);
    const [firstPay, secondPay, order] = app.calls;

    // Newest first: the first payment is the lower of the two rows.
    await rowsFor('/api/pay').nth(1).click();
    await waitDone();
    expect(await panel.locator('[data-testid=correlation-ids] code').allTextContents()).toEqual([firstPay!.id]);
    const records = panel.locator('[data-testid=correlated-record]');
    expect(await records.count()).toBe(2);
    const texts = await records.allTextContents();
    expect(texts[0]).toContain('payment-requested');
    expect(texts[1]).toContain('payment-settled');
    for (const title of await records.evaluateAll((rows) => rows.map((r) => r.getAttribute('title')))) expect(title).toContain(firstPay!.id);
    expect(texts.join('')).not.toContain('unrelated');
    if (isMockBroker()) expect(await panel.textContent('[data-testid=correlation-note]')).toMatch(/cannot look offsets up by time/);

    // The second payment: its own two records, not the first one's.
    await rowsFor('/api/pay').nth(0).click();
    await waitDone();
    expect(await panel.locator('[data-testid=correlation-ids] code').allTextContents()).toEqual([secondPay!.id]);
    expect(await records.count()).toBe(2);
    for (const title of await records.evaluateAll((rows) => rows.map((r) => r.getAttribute('title')))) expect(title).toContain(secondPay!.id);

    // The order: its id came back in the response's x-request-id and sits in the record's JSON value.
    await rowsFor('/api/order').click();
    await waitDone();
    expect(await panel.locator('[data-testid=correlation-ids] li').allTextContents()).toEqual([`${order!.id} from x-request-id (response header)`]);
    expect(await records.count()).toBe(1);
    expect(await records.first().textContent()).toContain(order!.id);
  });

  it('record -> request: a tailed record with a traceparent links back to the page\u2019s request', async () => {
    await panel.click('[data-testid=tab-tail]');
    await panel.fill('[data-testid=tail-topic-input]', topic);
    await panel.selectOption('[data-testid=tail-start]', 'earliest');
    await panel.fill('[data-testid=tail-filter-text]', 'payment-requested');
    await panel.click('[data-testid=tail-start-button]');
    await panel.locator('[data-testid=record-row]').nth(1).waitFor();
    await panel.locator('[data-testid=record-row]').first().click();
    const link = panel.locator('[data-testid=record-request-link]');
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toContain('POST /api/pay');
    await link.click();
    await panel.waitForSelector('[data-testid=requests-view]');
    expect(await panel.locator('[data-testid=request-row][aria-current=true]').getAttribute('data-url')).toMatch(/\/api\/pay$/);
  });

  it('produce from a request: its JSON body becomes the value and its traceparent a header', async () => {
    await panel.click('[data-testid=produce-from-request]');
    await panel.waitForSelector('[data-testid=produce-view]');
    expect(JSON.parse(await panel.inputValue('[data-testid=produce-value]'))).toEqual({ amount: 42.5, currency: 'EUR' });
    expect(await panel.inputValue('[data-testid=header-key]')).toBe('traceparent');
    expect(await panel.inputValue('[data-testid=header-value]')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('follow mode: a new request is searched as it finishes, and its row says how many records it caused', async () => {
    await panel.click('[data-testid=tab-requests]');
    await panel.check('[data-testid=requests-follow]');
    const before = app.calls.length;
    await session.page.click('#pay');
    await expect.poll(() => app.calls.length).toBe(before + 1);
    await expect.poll(() => rowsFor('/api/pay').count(), { timeout: 10_000 }).toBe(3);
    // Never picked: the search ran by itself.
    await expect.poll(() => rowsFor('/api/pay').first().getAttribute('data-found'), { timeout: 30_000 }).toBe('2');
    expect(await rowsFor('/api/pay').first().getAttribute('aria-current')).toBeNull();
    await panel.uncheck('[data-testid=requests-follow]');
  });

  it('follows DevTools\u2019 theme and docks at 420 px: screenshots light and dark, 1280 and 420 wide', async () => {
    await panel.click('[data-testid=tab-requests]');
    await rowsFor('/api/pay').nth(1).click();
    await waitDone();
    for (const theme of ['light', 'dark'] as const) {
      await session.setTheme(theme);
      await panel.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      for (const width of [1280, 420]) {
        await session.resize(width);
        // At 420 px nothing may stick out sideways: the panel scrolls vertically only.
        const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        // ...and the header's rows, wrapped at 420 px, are not squeezed out of sight at the top.
        expect(await panel.evaluate(() => document.querySelector('.brand')!.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
        await shot(`devtools-correlation-${theme}-${width}`);
      }
    }
  });
});
