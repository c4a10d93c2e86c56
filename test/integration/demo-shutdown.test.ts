import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { spawnCompanion } from '../helpers/companion-process';

/**
 * Ctrl-C while the demo seeds its topics (issue 9, bug 8). The banner prints just before seeding
 * starts, and spawnCompanion resolves on the banner, so a signal sent 0-400 ms later lands inside
 * seeding or the first generator ticks. A terminal's Ctrl-C reaches the whole process group: the
 * companion and its demo broker together, as here.
 */
const DELAYS_MS = [0, 5, 20, 50, 100, 200, 400];
const STACK_LINE = /^\s+at /m;

/** The pid of the companion's demo broker launcher (a child process named mock-broker-<hash>). */
function launcherPid(companionPid: number): number {
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(companionPid)]).toString();
  const line = children.split('\n').find((l) => /mock-broker-/.test(l));
  if (!line) throw new Error(`no demo broker among the companion's children:\n${children}`);
  return Number(line.trim().split(/\s+/)[0]);
}

describe('Ctrl-C during the demo seeding', () => {
  it('exits 0, quietly: no stack trace, no GatewayError', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const delay of DELAYS_MS) {
      const companion = await spawnCompanion(['--demo'], {}, { ownGroup: true });
      await new Promise((resolve) => setTimeout(resolve, delay));
      const { code, ms } = await companion.stop('SIGINT');
      const output = companion.output();
      const after = output.slice(output.indexOf('SIGINT'));
      const problems = [
        code !== 0 && `exit code ${code}`,
        STACK_LINE.test(output) && 'a stack trace',
        /GatewayError/.test(output) && 'GatewayError',
        /EPIPE|Unhandled/.test(output) && 'EPIPE/Unhandled',
        ms >= 2000 && `took ${Math.round(ms)} ms`,
        /error/i.test(after) && 'an error after the shutdown began',
      ].filter(Boolean);
      if (problems.length) failures.push(`SIGINT ${delay} ms after the banner: ${problems.join(', ')}\n${output}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the demo broker dying during seeding', () => {
  // What a Ctrl-C did when it reached the broker before the companion saw its own signal: seeding
  // failed with a GatewayError and a stack trace, exit 1. Killing only the broker makes it certain.
  it('is one clear line, no stack; the companion keeps running and a later Ctrl-C exits 0', async () => {
    const companion = await spawnCompanion(['--demo'], {}, { ownGroup: true });
    process.kill(launcherPid(companion.child.pid!), 'SIGKILL');
    // The failure is reported (or, before the fix, the companion crashes) within KafkaJS's connect retries.
    await expect.poll(() => /^kafka-inspector: /m.test(companion.output()) || companion.child.exitCode !== null, { timeout: 15_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a few generator ticks
    expect(companion.output()).not.toMatch(STACK_LINE);
    expect(companion.child.exitCode).toBeNull();
    const { code } = await companion.stop('SIGINT');
    const output = companion.output();
    expect(output).not.toMatch(STACK_LINE);
    expect(output).not.toMatch(/GatewayError/);
    expect(output).toMatch(/^kafka-inspector: demo(?: generator)?: /m);
    const errorLines = output.split('\n').filter((l) => /^kafka-inspector: /.test(l));
    expect(errorLines.length).toBeLessThanOrEqual(2); // the seeding failure, and the generator's once per outage
    expect(code).toBe(0);
  });
});
