import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Set only in the packaged build (scripts/pack-companion.ts passes it to esbuild's `define`): the
 * npm package lays files out differently from the repository, and knows its version and the
 * bundled extension's id when it is built, so it reads neither at start.
 */
declare const KAFKA_INSPECTOR_PACKAGE: { version: string; extensionId: string | null } | undefined;
const packaged = typeof KAFKA_INSPECTOR_PACKAGE === 'undefined' ? null : KAFKA_INSPECTOR_PACKAGE;

// From the package's dist/kafka-inspector.js; or, in a clone, from companion/src/cli/paths.ts (the
// tests, in process) or the launcher's bundle in companion/.build/<hash>/, at the same depth.
const root = resolve(dirname(fileURLToPath(import.meta.url)), packaged ? '..' : '../../..');

/** True when running from the npm package, false from a clone. */
export const isPackaged = packaged !== null;

/** The standalone UI build the companion serves at `/`, when it has been built. */
export function standaloneUiDir(): string | null {
  const dir = join(root, packaged ? 'ui' : 'extension/dist/standalone');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** The unpacked extension to load in Chrome, when it has been built (the package ships none). */
export function extensionBuildDir(): string | null {
  if (packaged) return null;
  const dir = join(root, 'extension/.output/chrome-mv3');
  return existsSync(join(dir, 'manifest.json')) ? dir : null;
}

export async function packageVersion(): Promise<string> {
  if (packaged) return packaged.version;
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(join(root, 'companion/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The id the bundled extension always has (its manifest carries a fixed key), so it may connect. */
export function bundledExtensionId(): string | null {
  if (packaged) return packaged.extensionId;
  try {
    const { id } = JSON.parse(readFileSync(join(root, 'extension/extension-key.json'), 'utf8')) as { id?: string };
    return id && /^[a-p]{32}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Where the demo/test broker's C launcher comes from and where its binary is cached. */
export function mockBrokerPaths(): { source: string; cacheDir: string; ensureDeps: string | null } {
  if (packaged) {
    // A global install may sit in a read-only prefix: the binary goes to the user's cache.
    const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    return { source: join(root, 'native/mock-broker.c'), cacheDir: join(cache, 'kafka-inspector'), ensureDeps: null };
  }
  return {
    source: join(root, 'companion/native/mock-broker.c'),
    cacheDir: join(root, 'node_modules/.cache/kafka-inspector'),
    ensureDeps: join(root, 'scripts/ensure-system-deps.sh'),
  };
}
