import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import semver from 'semver';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestTopic, deleteTestTopics, testBrokers } from '../helpers/broker';
import { TestClient } from '../helpers/ws-client';

/**
 * Issue 15: the companion as an npm package, checked the way a user installs it. `npm run pack`
 * makes the tarball, an empty folder installs it with `npm install --omit=dev` (the npm registry
 * must be reachable), and the installed `kafka-inspector` (compiled JavaScript, no tsx) answers
 * --version and serves /healthz, the UI and the protocol against the test broker, tails included
 * (their scan worker is a second bundle in the package).
 *
 * The only way to skip it: KI_SKIP_PACKAGE_INSTALL="<why>" (say why: e.g. no registry offline),
 * and the reason then shows in the test's name.
 */
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const skipReason = process.env.KI_SKIP_PACKAGE_INSTALL?.trim() ?? '';
const version = (JSON.parse(readFileSync(join(root, 'companion/package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'ki-package-'));
const running: ChildProcess[] = [];

// What `npm run`/`npm test` put in the environment must not steer the inner npm (workspaces, the
// repository's package); its registry and cache settings may stay.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_(package_|lifecycle_|config_workspace)|INIT_CWD$)/i.test(key)));

const oldestNode = semver.minVersion((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node)!.version;

/** Installed packages (nested and scoped too) whose `engines.node` refuses `node`. */
function enginesRefusing(modules: string, node: string): string[] {
  const refused: string[] = [];
  for (const entry of existsSync(modules) ? readdirSync(modules) : []) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => join(modules, entry, name)) : [join(modules, entry)];
    for (const dir of dirs) {
      const manifestPath = join(dir, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const { name, version: v, engines } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
      if (typeof engines?.node === 'string' && !semver.satisfies(node, engines.node)) refused.push(`${name}@${v} wants node ${engines.node}`);
      refused.push(...enginesRefusing(join(dir, 'node_modules'), node));
    }
  }
  return refused;
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skipReason !== '')(`the companion as an npm package${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('packs, installs with --omit=dev into an empty folder, and the installed kafka-inspector serves /healthz, the UI and the broker', { timeout: 90_000 }, async () => {
    // The UI is already built by `npm test` (and `npm run build`): rebuilding it here would rewrite
    // extension/dist/standalone under tests that serve it.
    const uiBuilt = existsSync(join(root, 'extension/dist/standalone/index.html'));
    await run(process.execPath, ['--import', 'tsx', 'scripts/pack-companion.ts', '--out', join(work, 'pack'), ...(uiBuilt ? ['--skip-ui'] : [])], { cwd: root, env: npmEnv });
    const tarball = join(work, 'pack', `kafka-inspector-${version}.tgz`);
    expect(existsSync(tarball)).toBe(true);

    const app = join(work, 'app');
    await run('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "ki-install-check", "private": true }\n');
    const install = await run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=warn', tarball], { cwd: app, env: npmEnv, maxBuffer: 16 * 1024 * 1024 });
    const installed = join(app, 'node_modules');
    // The tree a user gets, not the repository's lockfile (whose overrides do not travel): every
    // package accepts the oldest Node the README promises, so npm has nothing to warn about.
    expect(install.stderr).not.toMatch(/EBADENGINE/);
    expect(enginesRefusing(installed, oldestNode)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(installed, 'kafka-inspector/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    expect(Object.keys(manifest.dependencies)).not.toContain('@kafka-inspector/shared');
    expect(existsSync(join(installed, 'tsx'))).toBe(false);
    expect(readdirSync(join(installed, 'kafka-inspector/ui'))).toContain('index.html');

    const bin = join(installed, '.bin/kafka-inspector');
    const { stdout } = await run(bin, ['--version'], { cwd: app });
    expect(stdout.trim()).toBe(version);

    const topic = await createTestTopic(1, 'ki-package');
    try {
      const token = 'package-test-token-0123456789ab';
      // Not created beforehand: a first start with --token makes it itself.
      const configDir = join(work, 'config', 'kafka-inspector');
      const child = spawn(bin, ['--no-demo', '--brokers', testBrokers().join(','), '--port', '0', '--token', token], {
        cwd: app,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KAFKA_INSPECTOR_CONFIG_DIR: configDir },
      });
      running.push(child);
      let output = '';
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await new Promise<string>((resolveUrl, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          output += `${line}\n`;
          const match = /Open:\s+(http:\/\/[^\s/#]+)/.exec(line);
          if (match) resolveUrl(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`the installed companion exited with ${code}:\n${output}`)));
      });

      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, name: 'kafka-inspector', version });

      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
      expect(script, html).toBeTruthy();
      const asset = await fetch(`${url}/${script}`);
      expect(asset.status).toBe(200);

      const client = await TestClient.paired(`${url.replace(/^http/, 'ws')}/ws`, token);
      try {
        const { topics } = await client.ok({ type: 'listTopics' });
        expect(topics.map((t) => t.name)).toContain(topic);
        // A tail runs in the packed scan worker (dist/scan-worker.cjs): filtered, so its filter is
        // compiled and run there too.
        await client.ok({ type: 'produce', topic, records: [{ value: { encoding: 'text', text: 'skip me' } }, { value: { encoding: 'json', text: '{"type":"order.7f3a"}' } }] });
        const { streamId } = await client.ok({ type: 'tailStart', topic, start: { from: 'earliest' }, filter: { cel: 'value.type == "order.7f3a"' } });
        const records = await client.waitForRecords(streamId, 1);
        expect(records.map((r) => r.value)).toEqual([expect.objectContaining({ encoding: 'json', text: '{"type":"order.7f3a"}' })]);
        expect(client.statuses(streamId)).not.toContain('error');
      } finally {
        client.close();
      }
      child.kill('SIGTERM');
      expect(output).not.toMatch(/tsx|^\s+at /m);
    } finally {
      await deleteTestTopics([topic]);
    }
  });
});
