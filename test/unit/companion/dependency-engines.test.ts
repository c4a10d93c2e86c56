import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(root + file, 'utf8'));

interface LockedPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
  dependencies?: Record<string, string>;
}

/** Where npm finds `name` for the package at `from`: its own node_modules, then each parent's. */
function resolveLocked(packages: Record<string, LockedPackage>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
    const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[path]) return path;
    if (!dir) return undefined;
  }
}

/** Every locked package a workspace's runtime dependencies pull in, by lockfile path. */
function runtimeTree(packages: Record<string, LockedPackage>, workspaces: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = workspaces.flatMap((ws) => Object.keys(packages[ws]?.dependencies ?? {}).map((name) => [ws, name] as const));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const path = resolveLocked(packages, next[0], next[1]);
    if (!path || seen.has(path) || packages[path]?.optional) continue;
    seen.add(path);
    queue.push(...Object.keys(packages[path]!.dependencies ?? {}).map((name) => [path, name] as const));
  }
  return seen;
}

/**
 * Every locked package accepts the oldest Node the README and package.json promise: otherwise
 * `npm install` warns EBADENGINE on the very Node we say is enough (cookie@2 via fastify's
 * light-my-request wanted Node 22; package.json overrides it to cookie@1, which has the same API).
 */
describe('dependency engines (issue 14, item 15)', () => {
  const promised: string = readJson('package.json').engines.node;
  const oldest = semver.minVersion(promised)!.version;

  it('the README states the same minimum as package.json engines', () => {
    const [major, minor] = oldest.split('.');
    expect(readFileSync(root + 'README.md', 'utf8')).toContain(`Node.js ${major}.${minor}+`);
  });

  it(`every non-optional package in package-lock.json runs on Node ${oldest}`, () => {
    const packages: Record<string, LockedPackage> = readJson('package-lock.json').packages;
    const refused = Object.entries(packages)
      // npm checks engines only for packages it must install; an optional one (a platform binary)
      // that does not fit is skipped without a warning.
      .filter(([, p]) => !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(oldest, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });

  // `npm run pack` ships the companion's dependencies, and npm honours only the installing project's
  // overrides: one that reaches the companion's tree must be its own dependency too, at the same
  // version, or `npm install -g kafka-inspector-*.tgz` resolves afresh (cookie@2: EBADENGINE).
  // test/integration/package-install.test.ts checks the tree a real install of the tarball gets.
  it("every root override that reaches the companion's runtime tree travels as the companion's own pin", () => {
    const packages: Record<string, LockedPackage> = readJson('package-lock.json').packages;
    const overrides: Record<string, unknown> = readJson('package.json').overrides ?? {};
    const pins: Record<string, string> = { ...readJson('shared/package.json').dependencies, ...readJson('companion/package.json').dependencies };
    const names = new Set([...runtimeTree(packages, ['companion', 'shared'])].map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
    expect(names.has('fastify')).toBe(true);
    const untravelled = Object.entries(overrides)
      .filter(([name, spec]) => names.has(name) && pins[name] !== spec)
      .map(([name, spec]) => `${name}: overridden to ${JSON.stringify(spec)}, the companion pins ${pins[name] ?? 'nothing'}`);
    expect(untravelled).toEqual([]);
  });
});
