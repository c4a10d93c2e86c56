import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { WORKER_BUILD } from '../../bin/worker-build.js';

/** Where the companion's bundle (the package's, or a clone's from its launcher) keeps the worker, built beside it (bin/companion-build.js). */
const PREBUILT = new URL('./scan-worker.cjs', import.meta.url);

/**
 * The scan worker as one CommonJS script, started with `eval`: the prebuilt one beside the
 * companion's bundle, or, when the companion runs from its sources (the tests, in process),
 * bundled once per process by esbuild (a dependency already). A worker started from the .ts
 * entry needs tsx's loader, which costs a loader thread and the compiled sources' caches per
 * worker: about 40 MB of RSS against 21 MB for the bundle, and a second or more of start-up on a
 * busy machine. Null when bundling fails (an esbuild binary missing for this platform): the pool
 * then starts the loader-based entry.
 */
let bundled: Promise<string | null> | null = null;

export function scanWorkerCode(): Promise<string | null> {
  bundled ??= readFile(PREBUILT, 'utf8').catch(() => bundle().catch(() => null));
  return bundled;
}

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
