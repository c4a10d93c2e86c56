import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The standalone UI build the companion serves at `/`, when it has been built. */
export function standaloneUiDir(): string | null {
  const dir = join(repoRoot, 'extension/dist/standalone');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** The unpacked extension to load in Chrome, when it has been built. */
export function extensionBuildDir(): string | null {
  const dir = join(repoRoot, 'extension/.output/chrome-mv3');
  return existsSync(join(dir, 'manifest.json')) ? dir : null;
}

export async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(join(repoRoot, 'companion/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The id the bundled extension always has (its manifest carries a fixed key), so it may connect. */
export function bundledExtensionId(): string | null {
  try {
    const { id } = JSON.parse(readFileSync(join(repoRoot, 'extension/extension-key.json'), 'utf8')) as { id?: string };
    return id && /^[a-p]{32}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}
