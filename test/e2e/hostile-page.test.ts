import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrokers } from '../helpers/broker';
import { type Browser, launchChromium } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';
import { type PageServer, servePage } from '../helpers/page-server';

/**
 * A web page the user happens to visit, served on another loopback port, must not reach Kafka
 * through the companion: not by WebSocket, not by fetch.
 */
describe('a hostile page in real Chromium', () => {
  let companion: CompanionProcess;
  let browser: Browser;
  let site: PageServer;
  let siteUrl: string;

  beforeAll(async () => {
    companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo']);
    site = await servePage('<!doctype html><title>evil</title><h1>just a page</h1>');
    siteUrl = site.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    site?.close();
    await companion?.stop();
  });

  it('cannot open a WebSocket to the companion, even knowing the token', async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl);
    const outcome = await page.evaluate(
      ({ wsUrl, token }) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(wsUrl);
          socket.onopen = () => socket.send(JSON.stringify({ id: '1', type: 'hello', protocol: 1, token }));
          socket.onmessage = (event) => resolve(`message: ${String(event.data)}`);
          socket.onclose = (event) => resolve(`closed ${event.code}`);
          setTimeout(() => resolve('timeout'), 5000);
        }),
      { wsUrl: companion.wsUrl, token: companion.token },
    );
    // The upgrade is refused with 403 before any frame: the browser sees an abnormal close (1006).
    expect(outcome).toBe('closed 1006');
  });

  it('cannot read the companion over HTTP cross-origin (no permissive CORS)', async () => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl);
    const outcome = await page.evaluate(async (url) => {
      try {
        const res = await fetch(`${url}/healthz`);
        return `read ${res.status}: ${await res.text()}`;
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    }, companion.url);
    expect(outcome).toBe('blocked: TypeError');
  });

  it('the same companion still accepts its own page and a token (control: the refusal is about origin)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${companion.url}/healthz`);
    const outcome = await page.evaluate(
      ({ wsUrl, token }) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(wsUrl);
          socket.onopen = () => socket.send(JSON.stringify({ id: '1', type: 'hello', protocol: 1, token }));
          socket.onmessage = (event) => resolve((JSON.parse(String(event.data)) as { type: string }).type);
          socket.onclose = (event) => resolve(`closed ${event.code}`);
          setTimeout(() => resolve('timeout'), 5000);
        }),
      { wsUrl: companion.wsUrl, token: companion.token },
    );
    expect(outcome).toBe('welcome');
  });
});
