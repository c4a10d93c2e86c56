import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const EXTENSION_DIR = resolve('extension/.output/chrome-mv3');
export const STANDALONE_DIR = resolve('extension/dist/standalone');

/** The extension's id, fixed by the key in its manifest. */
export function extensionId(): string {
  return (JSON.parse(readFileSync(resolve('extension/extension-key.json'), 'utf8')) as { id: string }).id;
}

/** Collects page errors and console errors, so a test can assert the panel ran clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Drives the pairing form. */
export async function pair(page: Page, wsUrl: string, token: string): Promise<void> {
  await page.fill('[data-testid=pairing-url]', wsUrl);
  await page.fill('[data-testid=pairing-token]', token);
  await page.click('[data-testid=pairing-connect]');
  await page.waitForSelector('[data-testid=connection-status][data-status=open]');
}

/** The standalone page, paired through the token in its URL, tailing `topic` from the earliest record. */
export async function tailInStandalonePage(page: Page, companion: { url: string; token: string }, topic: string): Promise<void> {
  await page.goto(`${companion.url}/#token=${companion.token}`);
  await page.waitForSelector('[data-testid=connection-status][data-status=open]');
  await page.click('[data-testid=tab-tail]');
  await page.fill('[data-testid=tail-topic-input]', topic);
  await page.selectOption('[data-testid=tail-start]', 'earliest');
  await page.click('[data-testid=tail-start-button]');
}

/** Waits until the tail toolbar says the view shows `count` records (it prints 1,000 with a comma). */
export async function waitForShown(page: Page, count: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((n) => new RegExp(`shown ${n}\\b`).test((document.querySelector('[data-testid=tail-shown]')?.textContent ?? '').replace(/,/g, '')), count, { timeout });
}
