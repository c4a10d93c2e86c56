import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopic, testBrokers } from '../helpers/broker';
import { type Browser, launchChromium } from '../helpers/chromium';
import { type CompanionProcess, spawnCompanion } from '../helpers/companion-process';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function site(): Promise<{ server: Server; url: string }> {
  const server = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>dev app</title><h1>a web app under development</h1>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The HTTP bridge from real pages in real Chromium: a dev app on an allowed origin produces with
 * fetch and consumes with EventSource, across a companion restart; a page on any other origin
 * gets nothing in and nothing out.
 */
describe('HTTP bridge in real Chromium', () => {
  let browser: Browser;
  let companion: CompanionProcess;
  let allowed: { server: Server; url: string };
  let hostile: { server: Server; url: string };
  let args: string[];
  const kafka = new Kafka({ clientId: 'ki-e2e-http', brokers: testBrokers(), logLevel: logLevel.NOTHING });

  beforeAll(async () => {
    allowed = await site();
    hostile = await site();
    args = ['--brokers', testBrokers().join(','), '--no-demo', '--port', String(await freePort()), '--allow-origin', allowed.url];
    companion = await spawnCompanion(args);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    allowed?.server.close();
    hostile?.server.close();
    await companion?.stop();
  });

  const endOffsets = async (topic: string) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).map((p) => `${p.partition}:${p.high}`).sort();
    } finally {
      await admin.disconnect();
    }
  };

  it('an allowed origin produces with fetch and tails with EventSource; killed and restarted mid-stream, the EventSource resumes with no gap and no duplicate', async () => {
    const topic = await createTestTopic(2, 'e2e-http');
    const page = await browser.context.newPage();
    await page.goto(allowed.url);
    const produced = await page.evaluate(
      async ({ base, token, topic }) => {
        const res = await fetch(`${base}/topics/${topic}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.kafka.json.v2+json' },
          body: JSON.stringify({ records: Array.from({ length: 20 }, (_, n) => ({ key: `k${n}`, value: { n }, partition: n % 2 })) }),
        });
        return { status: res.status, body: await res.json() };
      },
      { base: companion.url, token: companion.token, topic },
    );
    expect(produced.status).toBe(200);
    expect(produced.body.offsets).toHaveLength(20);

    // The page's EventSource: a ticket from an authenticated POST, never the token in the URL.
    await page.evaluate(
      async ({ base, token, topic }) => {
        const res = await fetch(`${base}/stream/tickets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ topic }) });
        const { url } = await res.json();
        const w = window as unknown as { got: Array<{ partition: number; offset: string; n: number }>; opens: number; source: EventSource };
        w.got = [];
        w.opens = 0;
        w.source = new EventSource(`${base}${url}&from=earliest`);
        w.source.onopen = () => w.opens++;
        w.source.onmessage = (event) => {
          const record = JSON.parse(event.data);
          w.got.push({ partition: record.partition, offset: record.offset, n: JSON.parse(record.value.text).n });
        };
      },
      { base: companion.url, token: companion.token, topic },
    );
    const got = () => page.evaluate(() => (window as unknown as { got: unknown[] }).got.length);
    await expect.poll(got, { timeout: 15_000 }).toBe(20);

    const producer = kafka.producer();
    await producer.connect();
    let n = 20;
    const produce = (count: number) => producer.send({ topic, messages: Array.from({ length: count }, () => ({ partition: n % 2, value: JSON.stringify({ n: n++ }) })) });
    try {
      await companion.stop('SIGKILL');
      await produce(15); // while the companion is down
      companion = await spawnCompanion(args);
      await produce(15);
      await expect.poll(got, { timeout: 30_000 }).toBe(50);
    } finally {
      await producer.disconnect();
    }
    const state = await page.evaluate(() => {
      const w = window as unknown as { got: Array<{ partition: number; offset: string; n: number }>; opens: number; source: EventSource };
      return { got: w.got, opens: w.opens, readyState: w.source.readyState };
    });
    expect(state.opens).toBeGreaterThanOrEqual(2);
    expect(state.readyState).toBe(1);
    expect(state.got.map((r) => r.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const partition of [0, 1]) {
      expect(state.got.filter((r) => r.partition === partition).map((r) => Number(r.offset))).toEqual(Array.from({ length: 25 }, (_, i) => i));
    }
    await page.close();
  });

  it('a page from a not-allowed origin can neither produce (fetch, text/plain, form POST) nor read a stream, even holding the token and a ticket', async () => {
    // A companion started inside the first test ends with it.
    companion = await spawnCompanion(args);
    const topic = await createTestTopic(1, 'e2e-http-hostile');
    const before = await endOffsets(topic);
    // A valid ticket, as if it had leaked to the hostile page.
    const ticketRes = await fetch(`${companion.url}/stream/tickets`, { method: 'POST', headers: { authorization: `Bearer ${companion.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ topic }) });
    const { url: streamUrl } = (await ticketRes.json()) as { url: string };
    const page = await browser.context.newPage();
    await page.goto(hostile.url);
    const outcome = await page.evaluate(
      async ({ base, token, topic, streamUrl }) => {
        const results: Record<string, string> = {};
        try {
          const res = await fetch(`${base}/topics/${topic}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.kafka.json.v2+json' }, body: JSON.stringify({ records: [{ value: 1 }] }) });
          results.fetch = `read ${res.status}`;
        } catch (error) {
          results.fetch = `blocked: ${(error as Error).name}`;
        }
        // A simple request (no preflight): the browser sends it; the page cannot read the answer.
        const opaque = await fetch(`${base}/topics/${topic}`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ records: [{ value: 2 }] }) });
        results.textPlain = opaque.type;
        results.stream = await new Promise<string>((resolve) => {
          const source = new EventSource(`${base}${streamUrl}&from=earliest`);
          source.onmessage = () => resolve('read a record');
          source.onerror = () => resolve(`error, readyState ${source.readyState}`);
          setTimeout(() => resolve('timeout'), 5000);
        });
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = `${base}/topics/${topic}`;
        form.enctype = 'text/plain';
        const input = document.createElement('input');
        input.name = '{"records":[{"value":3}],"x":"';
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        form.submit();
        return results;
      },
      { base: companion.url, token: companion.token, topic, streamUrl },
    );
    await page.waitForURL(`${companion.url}/topics/${topic}`);
    await page.waitForLoadState('load');
    expect(outcome).toEqual({ fetch: 'blocked: TypeError', textPlain: 'opaque', stream: 'error, readyState 2' });
    // The form navigated to the companion's refusal, which is all it could do.
    expect(await page.content()).toMatch(/40301|40101|415/);
    expect(await endOffsets(topic)).toEqual(before);
    await page.close();
  });
});
