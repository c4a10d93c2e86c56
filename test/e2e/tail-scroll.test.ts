import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { STANDALONE_DIR, tailInStandalonePage, waitForShown, watchErrors } from '../helpers/panel';
import { TestClient } from '../helpers/ws-client';

/** What the reader sees: the record at the top of the table and how far it sits from the table's top. */
async function topRow(page: Page): Promise<{ key: string; top: number; scrollTop: number }> {
  return page.evaluate(() => {
    const scroller = document.querySelector('[data-testid=records-scroll]')!;
    const box = scroller.getBoundingClientRect();
    const row = document.elementFromPoint(box.left + 20, box.top + 2)!.closest<HTMLElement>('[data-testid=record-row]')!;
    return { key: row.dataset.key!, top: Math.round(row.getBoundingClientRect().top - box.top), scrollTop: scroller.scrollTop };
  });
}

/** Two animation frames: whatever the last records caused has been laid out and painted. */
const painted = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('the tail table while records stream in, in Chromium', () => {
  let companion: CompanionProcess;
  let browser: Browser;
  let producer: TestClient;
  let topic: string;
  let produced = 0;
  const produce = async (count: number) => {
    const records = Array.from({ length: count }, (_, i) => ({ partition: 0, key: { encoding: 'text' as const, text: `k${produced + i}` }, value: { encoding: 'json' as const, text: JSON.stringify({ n: produced + i }) } }));
    await producer.ok({ type: 'produce', topic, records });
    produced += count;
  };

  beforeAll(async () => {
    expect(existsSync(`${STANDALONE_DIR}/index.html`), 'build the UI first: npm run build').toBe(true);
    topic = await createTestTopic(1, 'e2e-scroll');
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    producer = await TestClient.paired(companion.wsUrl, companion.token);
    browser = await launchChromium();
  });

  afterAll(async () => {
    producer?.close();
    await browser?.close();
    await companion?.stop();
  });

  it('keeps the rows a reader scrolled to in place, and follows new records at the live edge', async () => {
    await produce(300);
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await tailInStandalonePage(page, companion, topic);
    await waitForShown(page, 300);

    // Newest first, scrolled down to read older records: new ones arrive above without moving them.
    await page.evaluate(() => (document.querySelector('[data-testid=records-scroll]')!.scrollTop = 100 * 24 + 5));
    await painted(page);
    const reading = await topRow(page);
    expect(reading.key).toBe('0:199'); // row 100 of 300, newest first
    await produce(50);
    await waitForShown(page, 350);
    await painted(page);
    expect(await topRow(page)).toMatchObject({ key: reading.key, top: reading.top });

    // Scrolled away, the table says how many arrived above (issue 14: 9), by role and name, at 1280 and 420 px.
    const indicator = page.getByRole('button', { name: /^↑ 50 new records$/ });
    await indicator.waitFor();
    await screenshot(page, 'tail-new-records-1280-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 420, height: 720 });
    await painted(page);
    expect(await indicator.isVisible()).toBe(true);
    await screenshot(page, 'tail-new-records-420-dark');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await painted(page);

    // Pressing it goes back to the top (the live edge), and the view follows: the newest record is the first row.
    await indicator.click();
    await painted(page);
    expect(await page.evaluate(() => document.querySelector('[data-testid=records-scroll]')!.scrollTop)).toBe(0);
    expect(await indicator.count()).toBe(0);
    await produce(10);
    await waitForShown(page, 360);
    await painted(page);
    expect(await topRow(page)).toMatchObject({ key: '0:359', scrollTop: 0 });

    // Oldest first, following at the bottom: it sticks to the bottom as records arrive.
    await page.click('[data-testid=tail-order]');
    await painted(page);
    await produce(10);
    await waitForShown(page, 370);
    await painted(page);
    const bottom = await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid=records-scroll]')!;
      const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=record-row]'));
      const last = rows.sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top)[0]!;
      return { gap: scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop, lastKey: last.dataset.key };
    });
    expect(bottom.gap).toBeLessThanOrEqual(1);
    expect(bottom.lastKey).toBe('0:369');
    expect(errors).toEqual([]);
  });
});
