import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { EXTENSION_DIR, extensionId, waitForShown, watchErrors } from '../helpers/panel';
import { TestClient } from '../helpers/ws-client';

const BIN = resolve('companion/bin/kafka-inspector.js');

/**
 * Pairing without pasting (issue 15) in real Chromium: the companion's browser host registered for
 * this temporary profile (Chromium on Linux reads <user-data-dir>/NativeMessagingHosts for a custom
 * --user-data-dir), the built extension's panel finds the companion, pairs with no token typed and
 * tails a topic. Each state of the pairing screen is saved at 1280 and 420 px.
 */
describe('the extension pairs through the browser host', () => {
  const configDir = mkdtempSync(join(tmpdir(), 'ki-native-e2e-'));
  let browser: Browser;
  let companion: CompanionProcess | undefined;
  let page: Page;
  let errors: string[];
  const panelUrl = `chrome-extension://${extensionId()}/panel.html`;

  beforeAll(async () => {
    expect(existsSync(`${EXTENSION_DIR}/manifest.json`), 'build the extension first: npm run build').toBe(true);
    browser = await launchChromium({ extensionDir: EXTENSION_DIR });
    page = await browser.context.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await companion?.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  async function shoot(name: string) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, `native-pairing-${name}-1280`);
    await page.setViewportSize({ width: 420, height: 800 });
    await screenshot(page, `native-pairing-${name}-420`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  const findState = () => page.getAttribute('[data-testid=find-companion]', 'data-state');

  it('with no host installed, the panel looks by itself and says how to install it', async () => {
    await page.goto(panelUrl);
    await page.waitForSelector('[data-testid=find-companion][data-state=not-installed]');
    expect(await page.textContent('[data-testid=find-status]')).toContain('kafka-inspector install-browser-host');
    await shoot('not-installed');
  });

  it('with the host installed and no companion running, it says how to start one', async () => {
    await promisify(execFile)(BIN, ['install-browser-host', '--browser-dir', join(browser.userDataDir, 'NativeMessagingHosts')], {
      env: { ...process.env, KAFKA_INSPECTOR_CONFIG_DIR: configDir },
    });
    await page.click('[data-testid=find-companion-button]');
    await page.waitForSelector('[data-testid=find-companion][data-state=not-running]');
    expect(await page.textContent('[data-testid=find-status]')).toMatch(/No companion is running.*kafka-inspector/);
    await shoot('not-running');
  });

  it('with a companion running, "Find my companion" pairs with no token typed, the panel tails a topic, and pairs by itself when opened again', async () => {
    const topic = await createTestTopic(1, 'e2e-native');
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo'], { KAFKA_INSPECTOR_CONFIG_DIR: configDir }, { tokenFile: true });
    const client = await TestClient.paired(companion.wsUrl, companion.token);
    await client.ok({ type: 'produce', topic, records: Array.from({ length: 12 }, (_, i) => ({ value: { encoding: 'text' as const, text: `native-${i}` } })) });
    client.close();

    expect(await page.inputValue('[data-testid=pairing-token]')).toBe('');
    await page.click('[data-testid=find-companion-button]');
    // The host starts a Node process per question: the screen says it is looking meanwhile.
    if ((await findState()) === 'looking') await shoot('looking');
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    await shoot('paired');

    await page.click('[data-testid=tab-tail]');
    await page.fill('[data-testid=tail-topic-input]', topic);
    await page.selectOption('[data-testid=tail-start]', 'earliest');
    await page.click('[data-testid=tail-start-button]');
    await waitForShown(page, 12);
    await screenshot(page, 'native-pairing-tail-1280');

    // Opened again, the panel pairs with what it stored (a companion spawned in a test lives as long as the test).
    await page.goto(panelUrl);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    expect(page.url()).not.toContain(companion!.token);
    expect(errors.join('\n')).not.toContain(companion!.token);
    expect(errors).toEqual([]);
  });
});
