import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestTopic } from '../helpers/broker';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

/**
 * Local processes that hold the token's door open or knock on it (issue 16, "Security"). Each test
 * plays the attacker with raw sockets and checks that the real user, who has the token, still gets in.
 */

/** A socket that connects and then does nothing (or sends a malformed hello); resolves once it is open (or refused). */
function idleSocket(wsUrl: string, badHello = false): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl);
  socket.on('error', () => {});
  return new Promise((resolve) => {
    socket.once('open', () => {
      if (badHello) socket.send(JSON.stringify({ id: '1', type: 'hello', protocol: 1 }));
      resolve(socket);
    });
    socket.once('close', () => resolve(socket));
    socket.once('unexpected-response', () => resolve(socket));
  });
}

/** One wrong-token attempt that waits for its answer: resolves with the error code, or 'closed'. */
function wrongGuess(wsUrl: string, guess: string): Promise<string> {
  const socket = new WebSocket(wsUrl);
  socket.on('error', () => {});
  return new Promise((resolve) => {
    socket.once('open', () => socket.send(JSON.stringify({ id: '1', type: 'hello', protocol: 1, token: guess })));
    socket.once('message', (data) => {
      resolve((JSON.parse(data.toString()) as { error?: { code: string } }).error?.code ?? 'welcome');
      socket.terminate();
    });
    socket.once('close', () => resolve('closed'));
  });
}

/** The real user: connects and pairs; resolves with how long it took, or the reason it did not pair. */
async function userPairs(companion: TestCompanion): Promise<number | string> {
  const started = performance.now();
  try {
    const client = await Promise.race([
      TestClient.paired(companion.wsUrl, companion.token),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no welcome within 5 s')), 5000)),
    ]);
    client.close();
    return performance.now() - started;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A raw HTTP upgrade request: resolves with the status code (101 means the socket was upgraded). */
function upgradeStatus(port: number, path: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      agent: false,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...(origin ? { origin } : {}),
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => (/hang up|ECONNRESET/.test(error.message) ? resolve(0) : reject(error)));
    req.end();
  });
}

describe('hostile local clients', () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion();
  });
  afterAll(() => companion.close());

  it('sockets that never pair cannot lock the real user out: idle and wrong-token holders, 25 of 25 pairings at once', async () => {
    const { maxSockets } = companion.config.limits;
    let holding = true;
    const held = new Set<WebSocket>();
    // The attacker: as many idle sockets as the companion has slots (a quarter of them sending a
    // malformed hello), each reopened as soon as it is closed.
    const hold = async (_: unknown, i: number) => {
      const socket = await idleSocket(companion.wsUrl, i % 4 === 0);
      held.add(socket);
      socket.once('close', () => {
        held.delete(socket);
        if (holding) void hold(null, i);
      });
    };
    await Promise.all(Array.from({ length: maxSockets }, hold));
    // ...and a second attacker whose wrong-token attempts wait for their (slow) answers.
    const guessing = Array.from({ length: 24 }, async (_, i) => {
      while (holding) await wrongGuess(companion.wsUrl, `guess-${i}-${Math.random()}`);
    });
    try {
      const outcomes: Array<number | string> = [];
      for (let i = 0; i < 25; i++) {
        outcomes.push(await userPairs(companion));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // "At once": a generous bound, since the machine is shared; what matters is that none is refused.
      const refused = outcomes.filter((outcome) => typeof outcome !== 'number' || outcome >= 3000);
      expect(refused, `${25 - refused.length} of 25 paired at once`).toEqual([]);
    } finally {
      holding = false;
      for (const socket of held) socket.terminate();
      await Promise.race([Promise.all(guessing), new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
  }, 180_000);

  it('failed pairings are limited across all sockets; the right token still pairs at once meanwhile', async () => {
    // 40 parallel sockets, each guessing again as soon as it has its answer (the 12.5 guesses/s).
    let guessing = true;
    const answers: string[] = [];
    const attackers = Array.from({ length: 40 }, async (_, i) => {
      for (let n = 0; guessing; n++) answers.push(await wrongGuess(companion.wsUrl, `guess-${i}-${n}`));
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const user = await userPairs(companion);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const unauthorized = answers.filter((code) => code === 'UNAUTHORIZED').length;
    guessing = false;
    // The global budget: a burst of 10, then 1 a second: at most ~15 in 5 s (20 with slack).
    expect(unauthorized, `${unauthorized} wrong tokens answered in 5 s`).toBeLessThanOrEqual(20);
    expect(typeof user === 'number' && user < 3000, `the user: ${user}`).toBe(true);
    await Promise.race([Promise.all(attackers), new Promise((resolve) => setTimeout(resolve, 5000))]);
  }, 30_000);

  it('only /ws upgrades: other paths answer 404 or 403 without a socket, whatever the Origin', async () => {
    const origins = [undefined, `http://127.0.0.1:${companion.port}`, 'https://evil.example'];
    const seen: string[] = [];
    for (const path of ['/', '/healthz', '/WS', '//ws', '/ws/', '/index.html', '/ws/../ws', '/nope']) {
      for (const origin of origins) {
        const status = await upgradeStatus(companion.port, path, origin);
        if (status !== 404 && status !== 403) seen.push(`${path} (${origin ?? 'no origin'}): ${status}`);
      }
    }
    expect(seen.join("; ")).toBe("");
    // The control: /ws itself still upgrades.
    expect(await upgradeStatus(companion.port, '/ws')).toBe(101);
  });
});

describe('a global budget of streams', () => {
  let companion: TestCompanion;
  beforeAll(async () => {
    companion = await startTestCompanion({ limits: { maxStreamsPerSocket: 4, maxStreamsTotal: 6 } as never });
  });
  afterAll(() => companion.close());

  it('streams across all sockets stop at maxStreamsTotal with LIMIT_EXCEEDED; a stopped one frees its place', async () => {
    const topic = await createTestTopic(1, 'ki-budget');
    const a = await TestClient.paired(companion.wsUrl, companion.token);
    const b = await TestClient.paired(companion.wsUrl, companion.token);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await a.ok({ type: 'tailStart', topic, start: { from: 'latest' } })).streamId);
    for (let i = 0; i < 2; i++) await b.ok({ type: 'tailStart', topic, start: { from: 'latest' } });
    const refused = await b.fails({ type: 'tailStart', topic, start: { from: 'latest' } });
    expect(refused).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 6 } });
    await a.ok({ type: 'tailStop', streamId: ids[0]! });
    await expect(b.ok({ type: 'tailStart', topic, start: { from: 'latest' } })).resolves.toHaveProperty('streamId');
    // A closed socket gives its streams back.
    a.close();
    const c = await TestClient.paired(companion.wsUrl, companion.token);
    let opened = 0;
    const deadline = Date.now() + 10_000;
    while (opened < 3 && Date.now() < deadline) {
      const reply = await c.send({ type: 'tailStart', topic, start: { from: 'latest' } });
      if (reply.type === 'result') opened++;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(opened).toBe(3);
    b.close();
    c.close();
  });
});
