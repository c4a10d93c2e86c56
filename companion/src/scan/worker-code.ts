import { fileURLToPath } from 'node:url';

/**
 * The scan worker as one CommonJS script, bundled once per process by esbuild (tsx's own
 * compiler, a dependency already) and started with `eval`. The companion runs its TypeScript
 * through tsx's loader; a worker started from the .ts entry needs that loader too, which costs a
 * loader thread and the compiled sources' caches per worker: about 40 MB of RSS against 21 MB for
 * the bundle, and a second or more of start-up on a busy machine. Null when bundling fails (an
 * esbuild binary missing for this platform): the pool then starts the loader-based entry.
 */
let bundled: Promise<string | null> | null = null;

export function scanWorkerCode(): Promise<string | null> {
  bundled ??= bundle().catch(() => null);
  return bundled;
}

async function bundle(): Promise<string> {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./scan-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  } finally {
    // esbuild keeps a service process for later builds; there are none.
    await esbuild.stop();
  }
}
