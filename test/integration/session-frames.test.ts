import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCompanion, type TestCompanion } from '../helpers/companion';
import { TestClient } from '../helpers/ws-client';

describe('bad frames get typed errors and the socket stays usable', () => {
  let companion: TestCompanion;
  let client: TestClient;
  beforeAll(async () => {
    companion = await startTestCompanion({ limits: { maxFrameBytes: 64 * 1024 } as never });
    client = await TestClient.paired(companion.wsUrl, companion.token);
  });
  afterAll(async () => {
    client.close();
    await companion.close();
  });

  const errorAfter = async (raw: string | Buffer) => {
    const before = client.frames.length;
    client.sendRaw(raw);
    return client.waitFor((f) => f.type === 'error' && client.frames.indexOf(f) >= before, 5000, 'error frame');
  };

  it.each([
    ['not JSON', '{"id": "1", type'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"hello"'],
    ['an unknown type', '{"id":"u1","type":"deleteEverything"}'],
    ['wrong field types', '{"id":"w1","type":"tailStart","topic":42,"start":{"from":"earliest"}}'],
    ['a missing field', '{"id":"m1","type":"describeTopic"}'],
    ['an extra field', '{"id":"x1","type":"ping","admin":true}'],
    ['a bad start position', '{"id":"s1","type":"tailStart","topic":"t","start":{"from":"yesterday"}}'],
    ['a prototype-pollution key', '{"id":"p1","type":"ping","__proto__":{"admin":true}}'],
  ])('%s -> BAD_FRAME, then a ping still works', async (_name, raw) => {
    const error = await errorAfter(raw);
    expect(error).toMatchObject({ type: 'error', ok: false, error: { code: 'BAD_FRAME' } });
    await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
  });

  it('echoes the request id of a frame it could read, and says what was wrong', async () => {
    const error = await errorAfter('{"id":"w2","type":"tailStart","topic":42,"start":{"from":"earliest"}}');
    expect(error).toMatchObject({ id: 'w2', error: { code: 'BAD_FRAME', details: { issues: [{ path: 'topic' }] } } });
  });

  it('a binary frame is refused with BAD_FRAME', async () => {
    const error = await errorAfter(Buffer.from([1, 2, 3]));
    expect(error).toMatchObject({ error: { code: 'BAD_FRAME' } });
  });

  it('a second hello is refused without closing the socket', async () => {
    expect(await client.fails({ type: 'hello', protocol: 1, token: companion.token })).toMatchObject({ code: 'BAD_FRAME' });
    await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
  });

  it('a frame over maxFrameBytes closes that socket with 1009; the companion keeps serving', async () => {
    const victim = await TestClient.paired(companion.wsUrl, companion.token);
    victim.sendRaw(JSON.stringify({ id: 'big', type: 'ping', pad: 'x'.repeat(100 * 1024) }));
    expect(await victim.closeCode).toBe(1009);
    await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
  });

  it('a text frame that is not valid UTF-8 closes that socket with 1007; the companion keeps serving', async () => {
    const victim = await TestClient.paired(companion.wsUrl, companion.token);
    victim.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await victim.closeCode).toBe(1007);
    await expect(client.ok({ type: 'ping' })).resolves.toHaveProperty('time');
  });

  it('more paired sockets than maxSockets: the extra one is refused at its hello (LIMIT_EXCEEDED, 4429)', async () => {
    const limited = await startTestCompanion({ limits: { maxSockets: 2 } as never });
    const a = await TestClient.paired(limited.wsUrl, limited.token);
    const b = await TestClient.paired(limited.wsUrl, limited.token);
    const c = await TestClient.connect(limited.wsUrl);
    expect(await c.send({ type: 'hello', protocol: 1, token: limited.token })).toMatchObject({ type: 'error', error: { code: 'LIMIT_EXCEEDED', details: { limit: 2 } } });
    expect(await c.closeCode).toBe(4429);
    a.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const d = await TestClient.paired(limited.wsUrl, limited.token);
    await expect(d.ok({ type: 'ping' })).resolves.toHaveProperty('time');
    b.close();
    d.close();
    await limited.close();
  });

  it('every frame the companion sent matched the shared schema', () => {
    expect(client.invalid).toEqual([]);
  });
});
