import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './config-error';

/**
 * The shortest pairing token accepted from --token, KAFKA_INSPECTOR_TOKEN or the token file
 * (issue 16, security 4). Failed pairings share one budget (session/auth.ts), but a client that
 * does not wait for its answers is bounded only by how fast the companion takes connections and
 * requests: a few hundred a second measured here, 10^5 a second assumed for a fast machine. A year
 * of that is 3.2e12 ~ 2^41.5 guesses; keeping the chance of a hit under 2^-20 needs 61.5 bits, which
 * 16 random characters give even from the hex alphabet (64 bits; base64url: 96). A made token is
 * 43 characters (256 bits). Length is all the companion can check: the characters must be random.
 */
export const MIN_TOKEN_LENGTH = 16;

/** Refuses a token too short to resist guessing; `source` says where it came from. */
export function checkTokenLength(token: string, source: string): string {
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(
      `the pairing token from ${source} has ${token.length} characters; at least ${MIN_TOKEN_LENGTH} random ones are needed to resist guessing ` +
        `(e.g. \`openssl rand -hex 16\`), or leave it out to use the generated one`,
    );
  }
  return token;
}

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
    checkTokenLength(existing, `${file} (delete the file to have a new one made)`);
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
    if (raced) return { token: checkTokenLength(raced, file), file };
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
