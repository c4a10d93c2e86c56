import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

// Loaded only under Vitest: the benchmark spawns companions through this file too.
const vitest = process.env.VITEST ? await import('vitest') : null;

export interface CompanionProcess {
  url: string;
  wsUrl: string;
  token: string;
  /** Its KAFKA_INSPECTOR_CONFIG_DIR (a fresh temporary folder unless the test gave one in `env`). */
  configDir: string;
  child: ChildProcess;
  /** Everything the process printed, for asserting on logs. */
  output(): string;
  /** Sends a signal (to its process group, with `ownGroup`) and resolves with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

const BIN = resolve('companion/bin/kafka-inspector.js');

export interface SpawnOptions {
  /** As `node FILE`, without the shebang's heap flags (the benchmark's "before"). */
  v8Defaults?: boolean;
  /** In a process group of its own, so a signal can reach it and its children at once, as Ctrl-C does. */
  ownGroup?: boolean;
  /** The token in `<config dir>/token`, as a user's companion has it, instead of --token. */
  tokenFile?: boolean;
}

/**
 * What a spawned companion inherits from the test run: enough to start, and nothing that
 * configures it (KAFKA_BROKERS in the runner's environment once added a second cluster profile).
 * A test passes what it means the companion to see as `env`.
 */
const INHERITED_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];

/** Companions still running, killed when a test ends or this worker exits, however it ends. */
const running = new Set<{ child: ChildProcess; group: boolean }>();

function killNow({ child, group }: { child: ChildProcess; group: boolean }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (group) process.kill(-child.pid!, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

const killAll = () => running.forEach(killNow);
process.once('exit', killAll);
// Vitest ends its worker processes with SIGTERM, which skips 'exit' handlers.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

/** The companion exactly as users start it: `kafka-inspector` in its own process, on a free port. */
export async function spawnCompanion(args: string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Promise<CompanionProcess> {
  const token = 'e2e-token-0123456789abcdef0123';
  const configDir = env.KAFKA_INSPECTOR_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'ki-config-'));
  if (options.tokenFile) writeFileSync(join(configDir, 'token'), `${token}\n`, { mode: 0o600 });
  // Executed through its shebang, as `npm start` and an installed `kafka-inspector` run it (V8 flags included).
  const [command, argv] = options.v8Defaults ? [process.execPath, [BIN]] : [BIN, []];
  const child = spawn(command, [...argv, '--port', '0', ...(options.tokenFile ? [] : ['--token', token]), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited(), KAFKA_INSPECTOR_CONFIG_DIR: configDir, ...env },
    detached: options.ownGroup ?? false,
  });
  const entry = { child, group: options.ownGroup ?? false };
  running.add(entry);
  child.once('exit', () => running.delete(entry));
  try {
    // Inside a test, a failed assertion must not leave the companion running; spawned in a hook,
    // the hook's own clean-up and the exit handlers above cover it.
    vitest?.onTestFinished(() => killNow(entry));
  } catch {
    // Not inside a test.
  }
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      const match = /(?:Open|Listening):\s+(http:\/\/[^\s/#]+)/.exec(line);
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`companion exited with ${code}:\n${output}`)));
  });
  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    token,
    configDir,
    child,
    output: () => output,
    stop(signal = 'SIGTERM') {
      const started = performance.now();
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, ms: 0 });
      return new Promise((done) => {
        child.once('exit', (code) => done({ code, ms: performance.now() - started }));
        // To the whole group when it has one: the companion and its demo broker, as a terminal's Ctrl-C.
        if (options.ownGroup) process.kill(-child.pid!, signal);
        else child.kill(signal);
      });
    },
  };
}

function inherited(): Record<string, string> {
  return Object.fromEntries(INHERITED_ENV.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]!]])));
}
