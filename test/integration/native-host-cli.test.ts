import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { NATIVE_HOST_NAME, type NativeHostReply } from '@kafka-inspector/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader } from '../../companion/src/native-host/framing';
import { spawnCompanion } from '../helpers/companion-process';
import { testBrokers } from '../helpers/broker';

const BIN = resolve('companion/bin/kafka-inspector.js');
const ID = (JSON.parse(readFileSync(resolve('extension/extension-key.json'), 'utf8')) as { id: string }).id;
const scratch = mkdtempSync(join(tmpdir(), 'ki-native-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the launcher the way Chrome does: the caller's origin as argument, one framed request on stdin, a bare environment. */
function askHost(launcher: string, origin = `chrome-extension://${ID}/`): Promise<{ replies: unknown[]; stderr: string; code: number | null }> {
  const child = spawn(launcher, [origin, '--parent-window=0'], { env: { PATH: '/usr/bin:/bin' }, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.write(encodeFrame({ type: 'find-companion' }));
  return new Promise((done) => child.once('exit', (code) => done({ replies: new FrameReader().push(Buffer.concat(out)), stderr, code })));
}

describe('kafka-inspector install-browser-host and the host it installs', () => {
  const configDir = join(scratch, 'config');
  const hostsDir = join(scratch, 'profile/NativeMessagingHosts');
  const env = { ...process.env, KAFKA_INSPECTOR_CONFIG_DIR: configDir };

  it('installs into --browser-dir; the host answers a running companion\'s URL and token, then "not running" once it exits', async () => {
    const { stdout } = await promisify(execFile)(BIN, ['install-browser-host', '--browser-dir', hostsDir], { env });
    expect(stdout).toContain('Browser host installed');
    const manifest = JSON.parse(readFileSync(join(hostsDir, `${NATIVE_HOST_NAME}.json`), 'utf8')) as { path: string; allowed_origins: string[] };
    expect(manifest.allowed_origins).toEqual([`chrome-extension://${ID}/`]);

    const companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo'], { KAFKA_INSPECTOR_CONFIG_DIR: configDir }, { tokenFile: true });
    expect(existsSync(join(configDir, 'running'))).toBe(true);
    const found = await askHost(manifest.path);
    expect(found.code).toBe(0);
    expect(found.replies).toEqual([{ type: 'found', url: companion.wsUrl, token: companion.token } satisfies NativeHostReply]);
    expect(found.stderr).not.toContain(companion.token);

    const refused = await askHost(manifest.path, 'chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/');
    expect(refused.replies).toEqual([]);

    await companion.stop();
    expect(existsSync(join(configDir, 'running'))).toBe(false);
    const gone = await askHost(manifest.path);
    expect(gone.replies).toEqual([{ type: 'not-running', hint: expect.stringContaining('kafka-inspector') }]);
  });

  it('uninstall-browser-host removes the manifest and the launcher', async () => {
    const { stdout } = await promisify(execFile)(BIN, ['uninstall-browser-host', '--browser-dir', hostsDir], { env });
    expect(stdout).toContain('Removed');
    expect(existsSync(join(hostsDir, `${NATIVE_HOST_NAME}.json`))).toBe(false);
    expect(existsSync(join(configDir, 'native-host/kafka-inspector-host'))).toBe(false);
  });

  it('a companion started with --token says so instead of answering a token', async () => {
    await promisify(execFile)(BIN, ['install-browser-host', '--browser-dir', hostsDir], { env });
    const companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo'], { KAFKA_INSPECTOR_CONFIG_DIR: configDir });
    const { replies } = await askHost(join(configDir, 'native-host/kafka-inspector-host'));
    expect(replies).toEqual([{ type: 'token-not-shared', url: companion.wsUrl, hint: expect.stringContaining('--token') }]);
    expect(JSON.stringify(replies)).not.toContain(companion.token);
    await companion.stop();
  });

  it('a config dir the companion cannot write costs the host its answer, not the companion its start', async () => {
    // A folder where the running file goes: unwritable even for root, which these tests may run as.
    const blocked = join(scratch, 'blocked');
    mkdirSync(join(blocked, 'running'), { recursive: true });
    const companion = await spawnCompanion(['--brokers', testBrokers().join(','), '--no-demo'], { KAFKA_INSPECTOR_CONFIG_DIR: blocked });
    const health = await fetch(`${companion.url}/healthz`);
    expect(health.ok).toBe(true);
    expect(companion.output()).toContain('the browser host will not find this companion');
    await companion.stop();
  });
});
