import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../companion/src/config/load-config';
import { buildApp, type CompanionApp } from '../../../../companion/src/server/app';
import { useTempDirs } from '../config/temp-dir';

const PORT = 7341;
const temp = useTempDirs();
const apps: CompanionApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.app.close()));
});

/** What `--host H` gives: the start-up warnings, and the app built from that config. */
async function companionOn(host: string) {
  const dir = await temp.make();
  const { config, warnings } = await loadConfig(['--config-dir', dir, '--token', 'token-for-the-tests', '--host', host], {});
  const built = await buildApp({ config, gatewayFor: () => { throw new Error('no Kafka in this test'); }, uiDir: null, serverVersion: 'test', port: () => PORT });
  apps.push(built);
  const get = async (hostHeader: string) => (await built.app.inject({ method: 'GET', url: '/healthz', headers: { host: hostHeader } })).statusCode;
  return { warned: warnings.some((w) => /not loopback/.test(w)), get };
}

const hostHeader = (host: string) => `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${PORT}`;

describe('--host: one loopback predicate for the warning and the Host guard', () => {
  it.each(['127.0.0.1', '127.0.0.2', '127.10.20.30', 'localhost', '::1', '[::1]'])(
    '--host %s: no warning, the Host guard stays on and the listen address itself passes it',
    async (host) => {
      const { warned, get } = await companionOn(host);
      expect(warned).toBe(false);
      expect(await get(`evil.example:${PORT}`)).toBe(403);
      expect(await get(`127.0.0.1.evil.example:${PORT}`)).toBe(403);
      expect(await get(hostHeader(host))).toBe(200);
      expect(await get(`localhost:${PORT}`)).toBe(200);
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.5'])(
    '--host %s: the loud non-loopback warning (README: "a loud warning then"), and any Host is accepted',
    async (host) => {
      const { warned, get } = await companionOn(host);
      expect(warned).toBe(true);
      expect(await get(`inspector.lan:${PORT}`)).toBe(200);
    },
  );
});
