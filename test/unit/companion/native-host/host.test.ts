import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { findCompanion, START_HINT } from '../../../../companion/src/native-host/find-companion';
import { encodeFrame, FrameReader } from '../../../../companion/src/native-host/framing';
import { runNativeHost } from '../../../../companion/src/native-host/host';
import { readRunningFile, removeRunningFile, runningFilePath, writeRunningFile } from '../../../../companion/src/native-host/running-file';

const ID = 'aplccphbifaddkbhjmcncgnadpkbehnk';
const TOKEN = 'host-test-token-0123456789abcdef';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A config dir with a token file and, unless told otherwise, a running file naming it. */
async function configDir(running: { tokenFile?: boolean } | null = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ki-host-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`, { mode: 0o600 });
  if (running) await writeRunningFile(dir, { url: 'http://127.0.0.1:7341', pid: 4242, tokenFile: running.tokenFile === false ? null : join(dir, 'token') });
  return dir;
}

const up = { isAlive: () => true, answersHealth: async () => true };

describe('the running file', () => {
  it('is 0600, holds url, pid and the token file (never the token), and goes only with its own pid', async () => {
    const dir = await configDir();
    expect(statSync(runningFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(readFileSync(runningFilePath(dir), 'utf8')).not.toContain(TOKEN);
    expect(await readRunningFile(dir)).toEqual({ url: 'http://127.0.0.1:7341', pid: 4242, tokenFile: join(dir, 'token') });
    removeRunningFile(dir, 1);
    expect(await readRunningFile(dir)).not.toBeNull();
    removeRunningFile(dir, 4242);
    expect(await readRunningFile(dir)).toBeNull();
  });
});

describe('findCompanion', () => {
  it('answers the WebSocket URL and the token of a companion that is up', async () => {
    expect(await findCompanion(await configDir(), up)).toEqual({ type: 'found', url: 'ws://127.0.0.1:7341/ws', token: TOKEN });
  });

  it('says how to start one when there is no running file, its pid is gone, or /healthz does not answer', async () => {
    const notRunning = { type: 'not-running', hint: START_HINT };
    expect(await findCompanion(await configDir(null), up)).toEqual(notRunning);
    expect(await findCompanion(await configDir(), { ...up, isAlive: () => false })).toEqual(notRunning);
    expect(await findCompanion(await configDir(), { ...up, answersHealth: async () => false })).toEqual(notRunning);
    expect(START_HINT).toContain('kafka-inspector');
  });

  it('a token given by --token or the environment is never read or answered', async () => {
    const reply = await findCompanion(await configDir({ tokenFile: false }), up);
    expect(reply).toMatchObject({ type: 'token-not-shared', url: 'ws://127.0.0.1:7341/ws' });
    expect(JSON.stringify(reply)).not.toContain(TOKEN);
  });
});

describe('runNativeHost', () => {
  async function ask(args: string[], request: unknown, dir: string) {
    const input = new PassThrough();
    const output = new PassThrough();
    const logs: string[] = [];
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    input.end(encodeFrame(request));
    const code = await runNativeHost(args, dir, ID, { input, output, log: (line) => logs.push(line) });
    return { code, replies: new FrameReader().push(Buffer.concat(chunks)), logs };
  }

  it('answers one framed reply to our extension (no companion here: not running)', async () => {
    const { code, replies, logs } = await ask([`chrome-extension://${ID}/`, '--parent-window=0'], { type: 'find-companion' }, await configDir(null));
    expect(code).toBe(0);
    expect(replies).toEqual([{ type: 'not-running', hint: START_HINT }]);
    expect(logs).toEqual([]);
  });

  it('answers nothing to another caller, even if a manifest were edited to let it in', async () => {
    const { code, replies, logs } = await ask(['chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/'], { type: 'find-companion' }, await configDir());
    expect(code).toBe(1);
    expect(replies).toEqual([]);
    expect(logs.join()).toContain('refusing');
  });

  it('an unknown request gets an error reply, not a token', async () => {
    const { replies } = await ask([`chrome-extension://${ID}/`], { type: 'give-me-everything' }, await configDir());
    expect(replies).toEqual([{ type: 'error', message: expect.stringContaining('unknown request') }]);
  });
});
