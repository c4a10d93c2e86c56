import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrokers } from '../helpers/broker';
import { type Browser, launchChromium } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { STANDALONE_DIR, watchErrors } from '../helpers/panel';
import { type PageServer, servePage } from '../helpers/page-server';

/**
 * Clickjacking (issue 16, security 2): a page on another port of 127.0.0.1 frames the standalone
 * UI, already paired, under a decoy. The companion's HTML forbids framing, so the frame never loads.
 */
describe('the standalone UI cannot be framed, in real Chromium', () => {
  let companion: CompanionProcess;
  let browser: Browser;
  let site: PageServer;
  let siteUrl: string;

  beforeAll(async () => {
    expect(existsSync(`${STANDALONE_DIR}/index.html`), 'build the UI first: npm run build').toBe(true);
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    const framing = `<!doctype html><title>decoy</title><h1>click the button</h1>
      <iframe id="victim" src="${companion.url}/#token=${companion.token}" width="800" height="600" style="opacity:0.01"></iframe>`;
    site = await servePage(framing);
    siteUrl = site.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    site?.close();
    await companion?.stop();
  });

  it('a page on another loopback port frames the UI: the frame does not load, nothing pairs', async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl);
    const frame = await (await page.waitForSelector('#victim')).contentFrame();
    // Give a loading UI every chance to show itself and pair.
    await page.waitForTimeout(2000);
    const uiInFrame = frame && !frame.isDetached() ? await frame.locator('[data-testid=connection-status]').count() : 0;
    expect({ frameUrl: frame?.url(), uiInFrame }).toEqual({ frameUrl: 'chrome-error://chromewebdata/', uiInFrame: 0 });
  });

  it('every HTML answer forbids framing; the UI itself still loads and pairs under its policy', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await fetch(`${companion.url}${path}`);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${companion.url}/#token=${companion.token}`);
    await page.waitForSelector('[data-testid=connection-status][data-status=open]');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
