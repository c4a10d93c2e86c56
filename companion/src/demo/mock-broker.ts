import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { mockBrokerPaths } from '../cli/paths';

const run = promisify(execFile);
const RDKAFKA_MOCK_HEADER = '/usr/include/librdkafka/rdkafka_mock.h';

export interface MockBroker {
  /** Bootstrap list, host:port. */
  readonly brokers: string[];
  /** Sends one launcher command (`topic NAME P`, `down N`, `up N`) and waits for its answer. */
  control(command: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts librdkafka's mock cluster (design.md §6) through the small C launcher, building it first
 * when needed. The binary is cached by a hash of its source, so an edit rebuilds it.
 */
export async function startMockBroker(options: { brokers?: number; ownGroup?: boolean } = {}): Promise<MockBroker> {
  const binary = await buildLauncher();
  // ownGroup: a process group of its own, so a terminal's Ctrl-C does not reach it (it exits on EOF).
  const child = spawn(binary, [String(options.brokers ?? 1)], { stdio: ['pipe', 'pipe', 'inherit'], detached: options.ownGroup ?? false });
  const lines = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  const firstLine = new Promise<string>((resolveLine, reject) => {
    waiting.push(resolveLine);
    child.once('exit', (code) => reject(new Error(`mock broker exited with code ${code}`)));
    child.once('error', reject);
  });
  lines.on('line', (line) => waiting.shift()?.(line));
  // Without ownGroup, Ctrl-C reaches the whole process group, so the launcher may die first: pending commands then
  // fail, and writing into its closed stdin must not crash the companion (EPIPE).
  child.stdin!.on('error', () => {});
  child.once('exit', (code, signal) => {
    for (const answer of waiting.splice(0)) answer(`ERR the mock broker exited (${signal ?? code})`);
  });

  const bootstrap = await firstLine;
  if (!bootstrap.startsWith('BOOTSTRAP ')) throw new Error(`mock broker said: ${bootstrap}`);
  let queue = Promise.resolve('');

  return {
    brokers: bootstrap.slice('BOOTSTRAP '.length).trim().split(','),
    control(command) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error('the mock broker has exited'));
      // One command in flight at a time: answers come back in order, one line each.
      const answer = queue
        .catch(() => '')
        .then(
          () =>
            new Promise<string>((resolveLine, reject) => {
              waiting.push((line) => (line.startsWith('OK') ? resolveLine(line) : reject(new Error(line))));
              child.stdin!.write(`${command.replace(/\n/g, ' ')}\n`);
            }),
        );
      queue = answer;
      return answer;
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.stdin!.end('quit\n');
  });
}

async function buildLauncher(): Promise<string> {
  const { source, cacheDir, ensureDeps } = mockBrokerPaths();
  const code = await readFile(source);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const binary = join(cacheDir, `mock-broker-${hash}`);
  if (existsSync(binary)) return binary;
  await mkdir(cacheDir, { recursive: true });
  const flags = async () =>
    run('pkg-config', ['--cflags', '--libs', 'rdkafka']).then(
      (out) => out.stdout.trim().split(/\s+/),
      () => ['-lrdkafka'],
    );
  if (ensureDeps) {
    // The repository on a fresh machine: fetch librdkafka-dev and gcc from Debian (the script says what it installs).
    if (!existsSync(RDKAFKA_MOCK_HEADER) && existsSync(ensureDeps)) await run('bash', [ensureDeps, 'broker'], { maxBuffer: 16 * 1024 * 1024 });
    await run('gcc', ['-O2', '-o', binary, source, ...(await flags())]);
    return binary;
  }
  // The installed package never installs system packages itself: it says what the demo needs.
  try {
    await run('gcc', ['-O2', '-o', binary, source, ...(await flags())]);
  } catch (error) {
    throw new DemoBrokerUnavailable(error);
  }
  return binary;
}

/** The installed package could not build the demo broker's launcher: what to install, or how to go without. */
export class DemoBrokerUnavailable extends Error {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? (cause.message.split('\n').find((line) => /error|not found|ENOENT/i.test(line)) ?? cause.message.split('\n', 1)[0]) : String(cause);
    super(
      [
        'the demo broker is built on first use from a small C launcher over librdkafka\'s mock cluster, and that build failed:',
        `  ${detail?.trim()}`,
        'It needs gcc, pkg-config and librdkafka 2.x headers:',
        '  Debian/Ubuntu: sudo apt-get install gcc pkg-config librdkafka-dev',
        '  Fedora:        sudo dnf install gcc pkgconf librdkafka-devel',
        '  macOS:         brew install librdkafka pkg-config (and the Xcode command-line tools)',
        'Or point it at your own cluster instead: kafka-inspector --brokers host:9092 (or --no-demo).',
      ].join('\n'),
    );
    this.name = 'DemoBrokerUnavailable';
  }
}
