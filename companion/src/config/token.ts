import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TokenFile {
  token: string;
  file: string;
}

/**
 * The pairing token: read from `<configDir>/token`, or made at first start (32 random bytes,
 * base64url) in a 0700 folder with mode 0600, so only this user can read it. A token file that
 * other users can read is tightened rather than trusted as is.
 */
export async function ensureToken(configDir: string): Promise<TokenFile> {
  const file = join(configDir, 'token');
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  const existing = await readToken(file);
  if (existing) {
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    return { token: existing, file };
  }
  const token = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails if another process created the file meanwhile; its token then wins.
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: existing === '' ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const raced = await readToken(file);
    if (raced) return { token: raced, file };
    throw error;
  }
  return { token, file };
}

/** The token, '' for an empty file, null when there is no file. */
async function readToken(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
