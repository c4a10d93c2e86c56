import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoBundle, runtimeDependencies } from '../../../companion/bin/companion-build.js';

describe("the launcher's bundle (companion/bin/companion-build.js)", () => {
  it('is built once per state of the sources, with its scan worker beside it, at the depth cli/paths.ts expects', () => {
    const main = repoBundle();
    const dir = dirname(main);
    expect(basename(main)).toBe('kafka-inspector.js');
    expect(basename(dir)).toMatch(/^[0-9a-f]{16}$/);
    expect(existsSync(resolve(dir, 'scan-worker.cjs'))).toBe(true);
    // cli/paths.ts finds the repository three folders up, as from companion/src/cli/.
    expect(resolve(dir, '../../..')).toBe(resolve('.'));
    const built = statSync(main).mtimeMs;
    expect(repoBundle()).toBe(main);
    expect(statSync(main).mtimeMs).toBe(built);
  });

  it('runs as a script of its own too (node <bundle> --version), as the packaged one is started', () => {
    // A bundle that held the build script's "am I the script?" check once built instead of starting.
    const { version } = JSON.parse(readFileSync('companion/package.json', 'utf8')) as { version: string };
    expect(execFileSync(process.execPath, [repoBundle(), '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('keeps the runtime dependencies external and bundles the protocol package and the build tools out', () => {
    const deps = runtimeDependencies();
    expect(deps).toHaveProperty('kafkajs');
    expect(deps).toHaveProperty('zod');
    for (const name of ['@kafka-inspector/shared', 'tsx', 'esbuild']) expect(deps).not.toHaveProperty(name);
  });
});
