import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, deleteTestTopics, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium, screenshot } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { EXTENSION_DIR, extensionId, pair, watchErrors } from '../helpers/panel';
import { TestClient } from '../helpers/ws-client';

/**
 * Issue 11 in the real panel: a decoded record's detail ("decoded as"), the Schemas view with a
 * version diff and the schema pane, at 1280 and 420 px, light and dark. The demo's Avro topic
 * (local schema files) needs no registry; the registry part needs SCHEMA_REGISTRY_URL.
 */
const REGISTRY = process.env.SCHEMA_REGISTRY_URL;
const base = `chrome-extension://${extensionId()}`;

/** Screenshots at both widths and both themes (the theme as DevTools would switch it: data-theme). */
async function shots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 420]) {
    await page.setViewportSize({ width, height: 760 });
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await screenshot(page, `schemas-${name}-${width}-${theme}`);
    }
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await page.setViewportSize({ width: 1280, height: 760 });
}

async function openPanel(browser: Browser, companion: CompanionProcess): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto(`${base}/panel.html`);
  // A second page of the same browser finds the stored pairing and connects by itself.
  await page.waitForSelector('[data-testid=pairing-form], [data-testid=connection-status][data-status=open]');
  if (await page.locator('[data-testid=pairing-form]').count()) await pair(page, companion.wsUrl, companion.token);
  return page;
}

async function tailFromEarliest(page: Page, topic: string): Promise<void> {
  await page.click('[data-testid=tab-tail]');
  await page.fill('[data-testid=tail-topic-input]', topic);
  await page.selectOption('[data-testid=tail-start]', 'earliest');
  await page.click('[data-testid=tail-start-button]');
  await page.waitForSelector('[data-testid=record-row]', { timeout: 30_000 });
}

/** A browser of its own per companion: the extension remembers its pairing across pages. */
function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    expect(existsSync(`${EXTENSION_DIR}/manifest.json`), 'build the extension first: npm run build').toBe(true);
    browser = await launchChromium({ extensionDir: EXTENSION_DIR });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return browser!;
    },
  };
}

describe('schemas in the panel (issue 11)', () => {

  describe('without a registry: the demo Avro topic decoded from local schema files', () => {
    const chromium = useBrowser();
    let companion: CompanionProcess;
    beforeAll(async () => {
      companion = await spawnCompanion(['--demo']);
    });
    afterAll(async () => {
      await companion?.stop();
    });

    it('a shipments record says it was decoded as Avro and shows its fields; the Schemas view says there is no registry', async () => {
      const page = await openPanel(chromium.browser, companion);
      const errors = watchErrors(page);
      await tailFromEarliest(page, 'shipments');
      await page.locator('[data-testid=record-row]').first().click();
      await page.waitForSelector('[data-testid=decoded-as-value]');
      expect(await page.textContent('[data-testid=decoded-as-value]')).toMatch(/Value decoded as\s*Avro/);
      // The table and the tree show the decoded fields, not base64.
      expect(await page.textContent('[data-testid=json-tree]')).toMatch(/shipmentId|"[a-z]+Id"/i);
      await shots(page, 'demo-decoded-record');

      await page.click('[data-testid=tab-schemas]');
      await page.waitForSelector('[data-testid=schemas-unavailable]');
      expect(await page.textContent('[data-testid=schemas-unavailable]')).toMatch(/No schema registry answers for this cluster/);
      await shots(page, 'no-registry');
      expect(errors.filter((e) => !/SCHEMA_REGISTRY|schemaRegistry/.test(e))).toEqual([]);
      await page.close();
    });
  });

  describe.skipIf(!REGISTRY)(`with a registry${REGISTRY ? '' : ' (skipped: needs SCHEMA_REGISTRY_URL, a real schema registry)'}`, () => {
    const chromium = useBrowser();
    let companion: CompanionProcess;
    let topic: string;
    let subject: string;
    beforeAll(async () => {
      topic = await createTestTopic(1, 'e2e-schemas');
      subject = `${topic}-value`;
      for (const fields of [
        [{ name: 'id', type: 'string' }, { name: 'total', type: 'double' }],
        [{ name: 'id', type: 'string' }, { name: 'total', type: 'double' }, { name: 'note', type: ['null', 'string'], default: null }],
      ]) {
        const res = await fetch(`${REGISTRY}/subjects/${subject}/versions`, { method: 'POST', headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' }, body: JSON.stringify({ schema: JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields }) }) });
        expect(res.ok, await res.clone().text()).toBe(true);
      }
      companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo', '--schema-registry', REGISTRY!]);
      const client = await TestClient.paired(companion.wsUrl, companion.token);
      await client.ok({ type: 'produce', topic, records: [{ key: { encoding: 'text', text: 'o-1' }, value: { encoding: 'json', text: '{"id":"o-1","total":12.5,"note":"gift wrap"}', schema: { subject } } }] });
      client.close();
    });
    afterAll(async () => {
      await companion?.stop();
      if (topic) await deleteTestTopics([topic]);
    });

    it('the Schemas view lists the subject, shows its latest version and diffs it with v1', async () => {
      const page = await openPanel(chromium.browser, companion);
      await page.click('[data-testid=tab-schemas]');
      await page.fill('[data-testid=subject-search]', topic);
      await page.getByRole('button', { name: subject }).click();
      await page.waitForSelector('[data-testid=schema-text]');
      expect(await page.textContent('[data-testid=subject-row]')).toMatch(/Avro.*v2/);
      await page.selectOption('[data-testid=schema-compare]', '1');
      await page.waitForSelector('[data-testid=schema-diff]');
      expect(await page.textContent('[data-testid=schema-diff-summary]')).toMatch(/From v1 to v2: \d+ lines added/);
      expect(await page.locator('.diff-added').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('"note"')]));
      await shots(page, 'subject-diff');
      await page.close();
    });

    it('a record produced with the schema is decoded in the tail, and its schema opens from the detail', async () => {
      const page = await openPanel(chromium.browser, companion);
      await tailFromEarliest(page, topic);
      await page.locator('[data-testid=record-row]').first().click();
      await page.waitForSelector('[data-testid=decoded-as-value]');
      expect(await page.textContent('[data-testid=decoded-as-value]')).toMatch(new RegExp(`Avro · schema \\d+ · ${subject} v2`));
      expect(await page.textContent('[data-testid=json-tree]')).toContain('"gift wrap"');
      await page.getByRole('button', { name: 'View value schema' }).click();
      await page.waitForSelector('[data-testid=schema-pane] [data-testid=schema-text]');
      expect(await page.textContent('[data-testid=schema-pane]')).toContain('"note"');
      await shots(page, 'record-schema-pane');
      await page.close();
    });

    it('Produce with a Protobuf file of two messages: pick the second, fill its skeleton, send; the tail decodes it as that message', async () => {
      const protoTopic = await createTestTopic(1, 'e2e-proto');
      const protoSubject = `${protoTopic}-value`;
      try {
        const proto = 'syntax = "proto3";\npackage shop;\n\nmessage Payment {\n  string id = 1;\n  int64 cents = 2;\n}\nmessage Refund {\n  string payment_id = 1;\n  int64 cents = 2;\n  string reason = 3;\n}\n';
        const res = await fetch(`${REGISTRY}/subjects/${protoSubject}/versions`, { method: 'POST', headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' }, body: JSON.stringify({ schemaType: 'PROTOBUF', schema: proto }) });
        expect(res.ok, await res.clone().text()).toBe(true);
        const page = await openPanel(chromium.browser, companion);
        await page.click('[data-testid=tab-produce]');
        await page.fill('[data-testid=produce-topic]', protoTopic);
        await page.selectOption('[data-testid=produce-value-schema]', protoSubject);
        const picker = page.getByLabel('Value message type');
        await picker.waitFor();
        expect(await picker.locator('option').allTextContents()).toEqual(['shop.Payment (first, the default)', 'shop.Refund']);
        await picker.selectOption('shop.Refund');
        await page.getByRole('button', { name: 'Insert skeleton into the value' }).click();
        await page.waitForFunction(() => (document.querySelector('[data-testid=produce-value]') as HTMLTextAreaElement | null)?.value.includes('payment_id'));
        expect(JSON.parse(await page.inputValue('[data-testid=produce-value]'))).toEqual({ payment_id: '', cents: '0', reason: '' });
        await page.fill('[data-testid=produce-value]', '{ "payment_id": "p-7", "cents": "250", "reason": "damaged" }');
        await shots(page, 'produce-protobuf-message-type');
        await page.click('[data-testid=produce-send]');
        await page.waitForSelector('[data-testid=produce-result]');

        await tailFromEarliest(page, protoTopic);
        await page.locator('[data-testid=record-row]').first().click();
        await page.waitForSelector('[data-testid=decoded-as-value]');
        expect(await page.textContent('[data-testid=decoded-as-value]')).toMatch(new RegExp(`Protobuf · schema \\d+ · ${protoSubject} v1 · shop\\.Refund`));
        expect(await page.textContent('[data-testid=json-tree]')).toContain('"damaged"');
        await page.close();
      } finally {
        await deleteTestTopics([protoTopic]);
      }
    });
  });
});
