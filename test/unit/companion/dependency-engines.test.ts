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
});
