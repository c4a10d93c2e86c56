import { createServer } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { waitForShown } from '../helpers/panel';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const LOOKS = [
  { width: 1280, theme: 'light' },
  { width: 1280, theme: 'dark' },
  { width: 420, theme: 'light' },
  { width: 420, theme: 'dark' },
] as const;

/** Issue 14's states in real Chromium, at a wide and a narrow DevTools width, light and dark; screenshots for people to look at. */
describe('the panel says its states plainly, in Chromium at 1280 and 420 px, light and dark', () => {
  let browser: Browser;
  let companion: CompanionProcess;
  let topic: string;
  const pages: Array<{ page: Page; name: string }> = [];
  beforeAll(async () => {
    topic = await createTestTopic(2, 'e2e-states');
    const producer = new Kafka({ clientId: 'ki-e2e', brokers: testBrokers(), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 30 }, (_, n) => ({ partition: n % 2, key: `order-${n}`, value: JSON.stringify({ n, status: n % 3 === 0 ? 'paid' : 'pending' }) })) });
    await producer.disconnect();
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo', '--port', String(await freePort())]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
  });

  it.each(LOOKS)('at $width px, $theme: topics, keyboard grid with quick-filter marks, a refused CEL filter, an unknown group', async ({ width, theme }) => {
    const name = `states-${width}-${theme}`;
    const page = await browser.context.newPage();
    pages.push({ page, name });
    await page.setViewportSize({ width, height: 720 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${companion.url}/#token=${companion.token}`);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    expect(await page.getAttribute('html', 'data-theme')).toBe(theme);

    // Topics (the view last used is remembered per origin: pick it).
    await page.getByRole('tab', { name: 'Topics' }).click();
    const grid = page.getByRole('grid', { name: 'Topics' });
    await grid.getByRole('row', { name: new RegExp(topic) }).waitFor();
    await page.locator('[data-testid=topic-search]').fill(topic);
    await grid.getByRole('row', { name: new RegExp(topic) }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=topic-detail] [data-testid=partitions-table]');
    expect(await grid.getByRole('row', { name: new RegExp(topic) }).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, `${name}-1-topic`);

    // Tail: quick-filter matches marked in the rows; arrows select a row in the grid, Esc closes its detail.
    await page.getByRole('tab', { name: 'Tail' }).click();
    await page.fill('[data-testid=tail-topic-input]', topic);
    await page.selectOption('[data-testid=tail-start]', 'earliest');
    await page.click('[data-testid=tail-start-button]');
    await waitForShown(page, 30);
    const toggle = page.getByRole('button', { name: /Tail settings/ });
    const timeCell = page.locator('[data-testid=record-row] .c-time time').first();
    if (width === 420) {
      // Narrow: the running tail's form folds to one line, and the Time column keeps the time, the date in its tooltip.
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByTestId('tail-form-summary').textContent()).toBe(`${topic} · earliest`);
      expect((await page.getByTestId('tail-form').boundingBox())!.height).toBeLessThan(60);
      expect(await timeCell.textContent()).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3}$/);
      expect(await timeCell.getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} · /);
      await screenshot(page, `${name}-2a-tail-folded`);
    } else {
      expect(await toggle.count()).toBe(0);
      expect(await timeCell.textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
    }
    await page.getByRole('textbox', { name: /Quick filter/ }).fill('paid');
    await waitForShown(page, 10);
    const records = page.getByRole('grid', { name: 'Records' });
    expect(await records.locator('mark').count()).toBeGreaterThanOrEqual(10);
    await records.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[data-testid=record-detail]');
    expect(await records.getByRole('row', { selected: true }).count()).toBe(1);
    expect(await page.locator('[data-testid=record-detail] mark').count()).toBeGreaterThan(0);
    await screenshot(page, `${name}-2-tail-marks`);
    await records.focus();
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=record-detail]', { state: 'detached' });

    // A refused CEL filter: under the field, with a caret; the field is aria-invalid.
    await page.getByRole('textbox', { name: /Quick filter/ }).fill('');
    if (width === 420) {
      // The folded form opens from its toggle, by keyboard.
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    }
    await page.getByRole('textbox', { name: 'CEL' }).fill('value.status == ');
    await page.click('[data-testid=tail-start-button]');
    await page.waitForSelector('[data-testid=cel-error]');
    expect(await page.getByRole('textbox', { name: 'CEL' }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, `${name}-3-cel-error`);
    await page.getByRole('textbox', { name: 'CEL' }).fill('');

    // An unknown group says so.
    await page.getByRole('tab', { name: 'Groups' }).click();
    await page.getByRole('textbox', { name: 'Look up a group by id' }).fill('no-such-group-e2e');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=group-detail-missing]');
    expect(await page.textContent('[data-testid=group-detail-missing]')).toMatch(/^No such group/);
    await screenshot(page, `${name}-4-no-such-group`);

    // Produce: no field runs past the panel's edge, narrow or wide.
    await page.getByRole('tab', { name: 'Produce' }).click();
    await page.fill('[data-testid=produce-topic]', topic);
    const overflow = await page.evaluate(() => {
      const card = document.querySelector<HTMLElement>('.produce-card')!;
      const right = card.getBoundingClientRect().right;
      const past = Array.from(card.querySelectorAll<HTMLElement>('input, select, textarea, label')).filter((el) => el.getBoundingClientRect().right > right + 1 || (el.tagName === 'LABEL' && el.scrollWidth > el.clientWidth + 1));
      // Text running out of its own box (a label that cannot wrap) counts too.
      return [...past.map((el) => el.outerHTML.slice(0, 80)), ...(card.scrollWidth > card.clientWidth + 1 ? ['the card scrolls sideways'] : [])];
    });
    expect(overflow).toEqual([]);
    await screenshot(page, `${name}-4b-produce`);
  });

  it('with the companion gone, every page says how to start it', async () => {
    expect(pages).toHaveLength(LOOKS.length);
    await companion.stop('SIGKILL');
    for (const { page, name } of pages) {
      await page.getByRole('tab', { name: 'Topics' }).click();
      await page.waitForSelector('[data-testid=offline-notice]');
      expect(await page.textContent('[data-testid=offline-notice]')).toContain('npm start');
      await screenshot(page, `${name}-5-offline`);
    }
  });
});
