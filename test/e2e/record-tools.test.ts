import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { STANDALONE_DIR, watchErrors } from '../helpers/panel';
import { TestClient } from '../helpers/ws-client';

/**
 * Issue 14's panel tools in real Chromium against a companion with two cluster profiles (the test
 * broker as "default", the demo broker as "demo"): switching clusters, opening a record by
 * offset, loading a value past the tail's preview, and resending a record byte for byte.
 */
describe('cluster picker, jump to offset, full values and resend in Chromium (issue 14)', () => {
  let companion: CompanionProcess;
  let browser: Browser;
  let client: TestClient;
  let topic: string;
  // Compact JSON of 194 bytes, as in the issue: a resend must not pretty-print it.
  const compact = JSON.stringify({ id: 'order-7', items: [{ sku: 'A-1', qty: 2 }, { sku: 'B-7', qty: 1 }], total: 42.5, currency: 'EUR', paid: true, note: 'x'.repeat(72) });
  // 300 KB: past the 64 KB preview a tail sends.
  const big = JSON.stringify({ rows: Array.from({ length: 6000 }, (_, i) => ({ i, pad: 'y'.repeat(32) })) });

  beforeAll(async () => {
    expect(existsSync(`${STANDALONE_DIR}/index.html`), 'build the UI first: npm run build').toBe(true);
    topic = await createTestTopic(2, 'e2e-record-tools');
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--demo']);
    client = await TestClient.paired(companion.wsUrl, companion.token);
    await client.ok({ type: 'produce', cluster: 'default', topic, records: Array.from({ length: 10 }, (_, i) => ({ partition: 0, key: { encoding: 'text' as const, text: `k${i}` }, value: { encoding: 'json' as const, text: compact } })) });
    await client.ok({ type: 'produce', cluster: 'default', topic, records: [{ partition: 1, key: null, value: { encoding: 'json', text: big } }] });
    browser = await launchChromium();
  });

  afterAll(async () => {
    client?.close();
    await browser?.close();
    await companion?.stop();
  });

  async function openPage(theme: 'light' | 'dark' = 'light', width = 1280): Promise<Page> {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height: 760 });
    await page.goto(`${companion.url}/#token=${companion.token}`);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    // The choice persists (a preference): every test starts on the default profile.
    const picker = page.getByRole('combobox', { name: 'Cluster' });
    if ((await picker.inputValue()) !== 'default') await picker.selectOption('default');
    return page;
  }

  /** At 420 px a running tail folds the form to one line (a remembered preference): open it first. */
  async function openTailForm(page: Page) {
    const toggle = page.locator('[data-testid=tail-form-toggle]');
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  }

  async function tail(page: Page) {
    await page.click('[data-testid=tab-tail]');
    await openTailForm(page);
    await page.fill('[data-testid=tail-topic-input]', topic);
    await page.selectOption('[data-testid=tail-start]', 'earliest');
    await page.click('[data-testid=tail-start-button]');
    // 11 records, and one more once the resend test has run.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=record-row]').length >= 11, null, { timeout: 30_000 });
  }

  it('switches between two cluster profiles: the topic list and the overview follow', async () => {
    const page = await openPage();
    const errors = watchErrors(page);
    await page.waitForSelector(`[data-testid=topic-row][data-topic=${topic}]`);
    const picker = page.getByRole('combobox', { name: 'Cluster' });
    expect(await picker.locator('option').allTextContents()).toEqual(['default (default)', 'demo']);
    await picker.selectOption('demo');
    await page.waitForSelector('[data-testid=topic-row][data-topic=page-views]');
    expect(await page.locator(`[data-testid=topic-row][data-topic=${topic}]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Overview' }).click();
    await page.waitForFunction(() => /\d+ topics, \d+ partitions/.test(document.querySelector('[data-testid=cluster-topics]')?.textContent ?? ''));
    expect(await page.locator('[data-testid=cluster-brokers]').textContent()).toMatch(/^\d+ \(#\d+ /);
    await picker.selectOption('default');
    await page.waitForSelector(`[data-testid=topic-row][data-topic=${topic}]`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a record by partition and offset, and loads its whole value past the preview', async () => {
    const page = await openPage();
    await tail(page);
    // The tail's row holds the preview ("Open record" reads the record whole).
    await page.click('[data-testid=record-row][data-key="1:0"]');
    const summary = page.locator('[data-testid=value-summary]');
    await page.waitForFunction(() => /preview: the first/.test(document.querySelector('[data-testid=value-summary]')?.textContent ?? ''));
    expect(await page.getByRole('button', { name: 'Copy value preview' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'tree' }).isDisabled()).toBe(true);
    await screenshot(page, 'issue14-value-preview-1280-light');
    await page.getByRole('button', { name: /Load full value/ }).click();
    await page.waitForFunction(() => !/preview/.test(document.querySelector('[data-testid=value-summary]')?.textContent ?? 'preview'));
    expect(await summary.textContent()).toBe(`json · ${(big.length / 1024).toFixed(1)} KB`);
    // CSS locators from here: the whole value's tree has thousands of buttons for role queries to walk.
    const view = (name: string) => page.locator('[role=group][aria-label="Value view"] button', { hasText: name });
    expect(await view('tree').getAttribute('aria-pressed')).toBe('true');
    await view('text').click();
    // The whole value, re-indented: every one of the 6000 rows is there.
    expect(await page.locator('[data-testid=value-text]').evaluate((el) => (el.textContent ?? '').match(/"i":/g)?.length)).toBe(6000);
    await screenshot(page, 'issue14-value-full-1280-light');
    await page.close();
  });

  it('"Edit and resend" produces the same bytes again (compact JSON stays 194 B)', async () => {
    const page = await openPage();
    await tail(page);
    await page.getByRole('textbox', { name: 'Go to partition' }).fill('0');
    await page.getByRole('textbox', { name: 'at offset' }).fill('3');
    await page.getByRole('button', { name: 'Open record' }).click();
    await page.waitForSelector('[data-testid=record-detail] >> text=#3');
    await page.getByRole('button', { name: 'Edit and resend' }).click();
    await page.waitForSelector('[data-testid=produce-view]:visible');
    await page.click('[data-testid=produce-send]');
    await page.waitForSelector('[data-testid=produce-result]');
    const sentAt = /p0 @ (\d+)/.exec((await page.locator('[data-testid=produce-result]').textContent()) ?? '')![1]!;
    const { record } = await client.ok({ type: 'recordGet', cluster: 'default', topic, partition: 0, offset: sentAt });
    expect(Buffer.byteLength(compact)).toBe(194);
    expect(record.value).toEqual({ encoding: 'json', text: compact, size: 194 });
    expect(record.key).toEqual({ encoding: 'text', text: 'k3', size: 2 });
    await page.close();
  });

  it('a record link opens that record: on a page already paired, and in a new page that pairs from storage', async () => {
    const page = await openPage();
    const link = `${companion.url}/#topic=${topic}&partition=0&offset=2&cluster=default`;
    await page.goto(link);
    await page.waitForSelector('[data-testid=record-detail] >> text=#2');
    expect(await page.locator('[data-testid=detail-key]').textContent()).toBe('k2');
    const fresh = await browser.context.newPage();
    await fresh.goto(link.replace('offset=2', 'offset=4'));
    await fresh.waitForSelector('[data-testid=record-detail] >> text=#4');
    expect(await fresh.locator('[data-testid=detail-key]').textContent()).toBe('k4');
    await fresh.close();
    await page.close();
  });

  it('screenshots of the new states at 1280 and 420 px, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 420]) {
        const page = await openPage(theme, width);
        await tail(page);
        if (width === 420) {
          // Narrow with a tail running, the table starts high: the form folded to a line, the toolbar one
          // line of named icon buttons, the go-to row behind "More tail tools" (issue 14: 8).
          await screenshot(page, `issue14-tail-narrow-${theme}`);
          const head = page.getByRole('grid', { name: 'Records' }).getByRole('row').first();
          expect(await head.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(130);
          for (const name of ['Pause', 'Stop', 'Clear', 'Newest first']) expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
          const more = page.getByRole('button', { name: 'More tail tools' });
          expect(await more.getAttribute('aria-expanded')).toBe('false');
          expect(await page.getByRole('textbox', { name: 'Go to partition' }).isVisible()).toBe(false);
          await more.focus();
          await page.keyboard.press('Enter');
          expect(await more.getAttribute('aria-expanded')).toBe('true');
        }
        await page.getByRole('textbox', { name: 'Go to partition' }).fill('1');
        await page.getByRole('textbox', { name: 'at offset' }).fill('0');
        await page.click('[data-testid=record-row][data-key="1:0"]');
        await page.waitForSelector('[data-testid=load-full-value]');
        await screenshot(page, `issue14-tail-tools-${width}-${theme}`);
        await page.getByRole('combobox', { name: 'Cluster' }).selectOption('demo');
        await page.click('[data-testid=tab-tail]');
        await openTailForm(page);
        await page.selectOption('[data-testid=tail-start]', 'timestamp');
        await page.waitForSelector('[data-testid=time-start-warning]');
        await screenshot(page, `issue14-time-start-demo-${width}-${theme}`);
        await page.getByRole('button', { name: 'Overview' }).click();
        await page.waitForSelector('[data-testid=cluster-brokers]');
        await screenshot(page, `issue14-cluster-overview-${width}-${theme}`);
        await page.close();
      }
    }
  });
});
