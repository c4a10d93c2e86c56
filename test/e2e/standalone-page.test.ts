import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { STANDALONE_DIR, watchErrors } from '../helpers/panel';

describe('the standalone page served by the companion, in Chromium', () => {
  let companion: CompanionProcess;
  let browser: Browser;
  let topic: string;

  beforeAll(async () => {
    expect(existsSync(`${STANDALONE_DIR}/index.html`), 'build the UI first: npm run build').toBe(true);
    topic = await createTestTopic(2, 'e2e-standalone');
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
  });

  it('takes the token from the printed URL, hides it, then lists, tails and produces', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${companion.url}/#token=${companion.token}`);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    expect(page.url()).not.toContain(companion.token);

    await page.click(`[data-testid=topic-row][data-topic=${topic}]`);
    await page.click('[data-testid=tail-topic]');
    await page.waitForSelector('[data-testid=tail-status][data-status=caught-up]');

    await page.click('[data-testid=tab-produce]');
    await page.fill('[data-testid=produce-topic]', topic);
    await page.fill('[data-testid=produce-key]', 'standalone-key');
    await page.fill('[data-testid=produce-value]', '{"hello":"from the standalone page"}');
    await page.fill('[data-testid=produce-copies]', '3');
    await page.click('[data-testid=produce-send]');
    await page.waitForSelector('[data-testid=produce-result]');

    await page.click('[data-testid=tab-tail]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length === 3);
    expect(await page.locator('[data-testid=record-row]').first().textContent()).toContain('standalone-key');
    await screenshot(page, 'standalone-tail');

    // Dark theme (the system's, outside DevTools) and a narrow docked-DevTools width.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.setViewportSize({ width: 420, height: 760 });
    await page.click('[data-testid=tab-tail]');
    await page.fill('[data-testid=tail-topic-input]', topic);
    await page.selectOption('[data-testid=tail-start]', 'earliest');
    await page.click('[data-testid=tail-start-button]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length === 3);
    await page.locator('[data-testid=record-row]').first().click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'standalone-narrow-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // A reload keeps the pairing (the token was stored), with no token in the URL.
    await page.reload();
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    expect(errors).toEqual([]);
  });

  it('has no inspected page: the Requests view (DevTools only) says why instead of listing requests', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${companion.url}/#token=${companion.token}`);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    await page.click('[data-testid=tab-requests]');
    expect(await page.textContent('[data-testid=requests-unavailable]')).toMatch(/standalone Kafka Inspector: no browser tab is inspected.*Everything else works here/);
    expect(await page.locator('[data-testid=requests-list], [data-testid=correlation-settings]').count()).toBe(0);
    await page.close();
  });
});
