import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Where the packed companion (scripts/pack-companion.ts) keeps the worker, bundled ahead of time, beside its own bundle. */
const PREBUILT = new URL('./scan-worker.cjs', import.meta.url);

/**
 * The scan worker as one CommonJS script, started with `eval`: the packed companion's prebuilt
 * one, or, run from the repository's sources, bundled once per process by esbuild (tsx's own
 * compiler, a dependency already). The companion runs its TypeScript
 * through tsx's loader; a worker started from the .ts entry needs that loader too, which costs a
 * loader thread and the compiled sources' caches per worker: about 40 MB of RSS against 21 MB for
 * the bundle, and a second or more of start-up on a busy machine. Null when bundling fails (an
 * esbuild binary missing for this platform): the pool then starts the loader-based entry.
 */
let bundled: Promise<string | null> | null = null;

export function scanWorkerCode(): Promise<string | null> {
  bundled ??= readFile(PREBUILT, 'utf8').catch(() => bundle().catch(() => null));
  return bundled;
}

/** The worker's esbuild options: also what the pack builds ahead of time. */
export const WORKER_BUILD = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' } as const;

async function bundle(): Promise<string> {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({ ...WORKER_BUILD, entryPoints: [fileURLToPath(new URL('./scan-worker.ts', import.meta.url))], write: false });
    return result.outputFiles[0]!.text;
  } finally {
    // esbuild keeps a service process for later builds; there are none.
    await esbuild.stop();
  }
}
