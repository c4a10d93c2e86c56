import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('pairing and origin checks over a real WebSocket', () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion({ extensionIds: [EXTENSION_ID] });
  });
  afterAll(() => companion.close());

  it('hello with the token gets a welcome with capabilities and cluster profiles, no credentials', async () => {
    const client = await TestClient.connect(companion.wsUrl);
    const reply = await client.send({ type: 'hello', protocol: 1, token: companion.token });
    expect(reply).toMatchObject({ type: 'welcome', ok: true, protocol: 1, capabilities: { readOnly: false, cel: true } });
    if (reply.type === 'welcome') expect(reply.clusters).toEqual([{ name: 'test', default: true, brokers: companion.config.clusters[0]!.brokers, tls: false, sasl: null, demo: false }]);
    await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
    client.close();
  });

  it('a wrong token is refused with UNAUTHORIZED and close code 4401, after a delay', async () => {
    const client = await TestClient.connect(companion.wsUrl);
    const started = performance.now();
    const reply = await client.send({ type: 'hello', protocol: 1, token: 'guess' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(reply).toMatchObject({ type: 'error', ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await client.closeCode).toBe(4401);
  });

  it('wrong tokens share one budget: past the burst, each waits its turn (answered more and more slowly)', async () => {
    const timings = await Promise.all(
      Array.from({ length: 13 }, async (_, i) => {
        const client = await TestClient.connect(companion.wsUrl);
        const started = performance.now();
        const reply = await client.send({ type: 'hello', protocol: 1, token: `guess-${i}` });
        client.close();
        expect(reply).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
        return performance.now() - started;
      }),
    );
    timings.sort((a, b) => a - b);
    expect(timings[0]!).toBeLessThan(1500);
    expect(timings.at(-1)!).toBeGreaterThan(1500);
    // The right token does not wait for the budget.
    const started = performance.now();
    (await TestClient.paired(companion.wsUrl, companion.token)).close();
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('any request before hello is refused and the socket closed (4401)', async () => {
    const client = await TestClient.connect(companion.wsUrl);
    const reply = await client.send({ type: 'listTopics' });
    expect(reply).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
    expect(await client.closeCode).toBe(4401);
  });

  it('a malformed first hello (extra field, missing token) is BAD_FRAME, not UNAUTHORIZED; a valid hello may follow', async () => {
    const client = await TestClient.connect(companion.wsUrl);
    const extra = await client.send({ type: 'hello', protocol: 1, token: companion.token, extra: true } as never);
    expect(extra).toMatchObject({ type: 'error', error: { code: 'BAD_FRAME', details: { issues: [expect.objectContaining({ path: '' })] } } });
    const missing = await client.send({ type: 'hello', protocol: 1 } as never);
    expect(missing).toMatchObject({ type: 'error', error: { code: 'BAD_FRAME', details: { issues: [expect.objectContaining({ path: 'token' })] } } });
    await expect(client.send({ type: 'hello', protocol: 1, token: companion.token })).resolves.toMatchObject({ type: 'welcome' });
    client.close();
  });

  it('another protocol version is refused with UNSUPPORTED_PROTOCOL and close code 4400', async () => {
    const client = await TestClient.connect(companion.wsUrl);
    const reply = await client.send({ type: 'hello', protocol: 99, token: companion.token });
    expect(reply).toMatchObject({ type: 'error', error: { code: 'UNSUPPORTED_PROTOCOL', details: { supported: [1] } } });
    expect(await client.closeCode).toBe(4400);
  });

  it('a foreign web origin is refused before the upgrade (HTTP 403)', async () => {
    await expect(TestClient.connect(companion.wsUrl, { origin: 'https://evil.example' })).rejects.toThrow(/HTTP 403/);
    await expect(TestClient.connect(companion.wsUrl, { origin: `http://127.0.0.1:${companion.port + 1}` })).rejects.toThrow(/HTTP 403/);
    await expect(TestClient.connect(companion.wsUrl, { origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba' })).rejects.toThrow(/HTTP 403/);
    await expect(TestClient.connect(companion.wsUrl, { origin: 'null' })).rejects.toThrow(/HTTP 403/);
  });

  it('the companion page and the allowed extension may connect', async () => {
    for (const origin of [`http://127.0.0.1:${companion.port}`, `http://localhost:${companion.port}`, `chrome-extension://${EXTENSION_ID}`]) {
      const client = await TestClient.connect(companion.wsUrl, { origin });
      expect((await client.send({ type: 'hello', protocol: 1, token: companion.token })).type).toBe('welcome');
      client.close();
    }
  });

  it('a Host header that is not loopback is refused (DNS rebinding)', async () => {
    await expect(TestClient.connect(companion.wsUrl, { headers: { host: `evil.example:${companion.port}` } })).rejects.toThrow(/HTTP 403/);
    // fetch() may not set Host; node:http sends it as given, like a rebinding browser would.
    const status = await new Promise<number>((resolve, reject) =>
      get(`${companion.url}/healthz`, { headers: { host: 'evil.example' } }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject),
    );
    expect(status).toBe(403);
  });

  it('HTTP answers carry no CORS permission', async () => {
    const res = await fetch(`${companion.url}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ ok: true, name: 'kafka-inspector', version: '0.0.0-test' });
  });
});
