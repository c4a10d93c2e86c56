// The scan worker's esbuild options, apart from companion-build.js so that the companion's sources
// (scan/worker-code.ts bundles the worker itself when run from sources) import a constant and
// nothing that builds or runs as a script.
/** One CommonJS script: a worker started from code has no folder to resolve packages from. */
export const WORKER_BUILD = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' };
