import { readFile } from 'node:fs/promises';
import type { NativeHostReply } from '@kafka-inspector/shared';
import { readRunningFile } from './running-file';

export const START_HINT = 'Start one in a terminal with kafka-inspector (npm start in a clone of the repository), then try again.';

export interface Probes {
  /** Whether a process with this pid exists. */
  isAlive(pid: number): boolean;
  /** Whether `url`/healthz answers as a Kafka Inspector companion. */
  answersHealth(url: string): Promise<boolean>;
}

/** What the host answers: the running companion's WebSocket URL and token, or why there is none. */
export async function findCompanion(configDir: string, probes: Probes = defaultProbes): Promise<NativeHostReply> {
  const running = await readRunningFile(configDir);
  // A file left by a killed companion (no exit handler ran) names a dead pid or a silent port.
  if (!running || !probes.isAlive(running.pid) || !(await probes.answersHealth(running.url))) return { type: 'not-running', hint: START_HINT };
  const wsUrl = `${running.url.replace(/^http/, 'ws')}/ws`;
  if (running.tokenFile === null) {
    return { type: 'token-not-shared', url: wsUrl, hint: 'The companion was started with --token or KAFKA_INSPECTOR_TOKEN: paste that token.' };
  }
  const token = (await readFile(running.tokenFile, 'utf8')).trim();
  if (!token) return { type: 'error', message: `the companion's token file is empty: restart the companion` };
  return { type: 'found', url: wsUrl, token };
}

export const defaultProbes: Probes = {
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      // ESRCH: gone. EPERM: another user's process took the pid, so not this user's companion.
      return false;
    }
  },
  async answersHealth(url) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1500) });
      const body = (await response.json()) as { name?: unknown };
      return response.ok && body.name === 'kafka-inspector';
    } catch {
      return false;
    }
  },
};
