import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run zip` (issue 15): the Chrome Web Store artefact. Built here, then unpacked with Debian's
 * `unzip` and its manifest held against the README's permission list, the product version and the
 * id the companion allows.
 */
const root = resolve('.');
const outputDir = join(root, 'extension/.output');
const version = (file: string) => (JSON.parse(readFileSync(join(root, file), 'utf8')) as { version: string }).version;

/** The permissions README "Permissions" lists, between its two markers: one `- \`name\`: why` line each. */
function readmePermissions(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /<!-- permissions:start -->([\s\S]*?)<!-- permissions:end -->/.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^- `([A-Za-z]+)`: \S/gm)].map((match) => match[1]!);
}

/** Chrome's id for a public key: the SHA-256 of its DER bytes, first 32 hex digits spelled a-p. */
function idForKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

describe('npm run zip', () => {
  let manifest: Record<string, unknown>;
  let entries: string[];

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'zip'], { cwd: root, stdio: 'pipe' });
    const zip = join(outputDir, `kafka-inspector-${version('package.json')}-chrome.zip`);
    expect(readdirSync(outputDir)).toContain(`kafka-inspector-${version('package.json')}-chrome.zip`);
    manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    entries = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
  }, 120_000);

  it('is an MV3 DevTools extension whose devtools page is in the zip', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.devtools_page).toBe('devtools.html');
    expect(entries).toContain('devtools.html');
    expect(entries).toContain('panel.html');
    expect(entries.some((entry) => entry.endsWith('.map'))).toBe(false);
  });

  it('asks for exactly the permissions the README lists and justifies, and no hosts', () => {
    const listed = readmePermissions();
    expect(listed.length).toBeGreaterThan(0);
    expect([...(manifest.permissions as string[])].sort()).toEqual([...listed].sort());
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('carries the product version, the one the companion reports', () => {
    expect(manifest.version).toBe(version('package.json'));
    expect(version('companion/package.json')).toBe(version('package.json'));
  });

  it('has no "key" (the store refuses one); the id the companion allows is the one extension-key.json\'s key gives', () => {
    expect(manifest.key).toBeUndefined();
    const { key, id } = JSON.parse(readFileSync(join(root, 'extension/extension-key.json'), 'utf8')) as { key: string; id: string };
    expect(idForKey(key)).toBe(id);
  });
});
