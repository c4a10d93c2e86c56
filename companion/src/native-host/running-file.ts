import { readFileSync, unlinkSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `<config dir>/running`: written (0600) by a companion once it listens, removed when it exits.
 * It tells the native host where the companion is and which token file it uses; the token itself
 * is never in it. A token given by --token or KAFKA_INSPECTOR_TOKEN has no file (`tokenFile: null`):
 * the host then says so instead of answering a token.
 */
export interface RunningInfo {
  url: string;
  pid: number;
  tokenFile: string | null;
}

export const runningFilePath = (configDir: string) => join(configDir, 'running');

export async function writeRunningFile(configDir: string, info: RunningInfo): Promise<string> {
  const file = runningFilePath(configDir);
  // With --token or KAFKA_INSPECTOR_TOKEN nothing else creates the config dir (token.ts does for its file).
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // an older file keeps its mode through writeFile
  return file;
}

/** Synchronous, for 'exit' handlers: removes the file only while it still names this process. */
export function removeRunningFile(configDir: string, pid = process.pid): void {
  const file = runningFilePath(configDir);
  try {
    if ((JSON.parse(readFileSync(file, 'utf8')) as RunningInfo).pid === pid) unlinkSync(file);
  } catch {
    // Gone already, or another companion's: leave it.
  }
}

/** The file's contents, or null when there is none or it does not parse. */
export async function readRunningFile(configDir: string): Promise<RunningInfo | null> {
  try {
    const info = JSON.parse(await readFile(runningFilePath(configDir), 'utf8')) as Partial<RunningInfo>;
    if (typeof info.url !== 'string' || !Number.isInteger(info.pid) || !(typeof info.tokenFile === 'string' || info.tokenFile === null)) return null;
    return info as RunningInfo;
  } catch {
    return null;
  }
}
