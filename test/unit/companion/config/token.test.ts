import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureToken } from '../../../../companion/src/config/token';
import { useTempDirs } from './temp-dir';

const temp = useTempDirs();

describe('ensureToken', () => {
  it('creates a random token file with mode 0600 in a 0700 folder, then reuses it', async () => {
    const dir = join(await temp.make(), 'nested', 'kafka-inspector');
    const first = await ensureToken(dir);
    expect(first.file).toBe(join(dir, 'token'));
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await readFile(first.file, 'utf8')).trim()).toBe(first.token);

    expect(await ensureToken(dir)).toEqual(first);
  });

  it('makes a different token for each new folder', async () => {
    const [a, b] = await Promise.all([ensureToken(await temp.make()), ensureToken(await temp.make())]);
    expect(a.token).not.toBe(b.token);
  });

  it('keeps a token the user wrote, trimmed, and tightens its mode', async () => {
    const dir = await temp.make();
    await writeFile(join(dir, 'token'), '  my-own-token-of-20ch\n', { mode: 0o644 });
    await chmod(join(dir, 'token'), 0o644);
    expect((await ensureToken(dir)).token).toBe('my-own-token-of-20ch');
    expect((await stat(join(dir, 'token'))).mode & 0o777).toBe(0o600);
  });

  it('replaces an empty token file', async () => {
    const dir = await temp.make();
    await writeFile(join(dir, 'token'), '\n', { mode: 0o600 });
    const { token } = await ensureToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readFile(join(dir, 'token'), 'utf8')).trim()).toBe(token);
  });

  it('agrees on one token when two starts race', async () => {
    const dir = await temp.make();
    const [a, b] = await Promise.all([ensureToken(dir), ensureToken(dir)]);
    expect(a.token).toBe(b.token);
  });
});
