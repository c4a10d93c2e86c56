// The companion as one JavaScript bundle (companion + shared protocol, by esbuild), with its scan
// worker beside it. The npm package ships it (scripts/pack-companion.ts); a clone's launcher builds
// it from the current sources into companion/.build/<hash of the sources>/ and runs that, rebuilding
// only when a source changed. Plain JavaScript, so the launcher needs no TypeScript loader.
//
// Why not run the sources through tsx's loader: the loader is a thread with a V8 heap of its own,
// and the compiled modules and their caches stay in the main heap. Measured on real Kafka 3.1 (2
// cores, Node 20): 108-113 MB RSS idle at start against 78-83 MB for the bundle, and a scan of
// 200,000 x 1 KB records peaking at 196-210 MB against 160-168 MB, at the same scan rate.
//
// `node companion/bin/companion-build.js` ensures the clone's bundle and prints its path; with a
// folder argument it builds into that folder (what repoBundle runs in a child process). Nothing
// bundled imports this file: run as a script, a bundle holding it would build instead of start.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_BUILD } from './worker-build.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
/** companion/.build/<hash>/: the same depth below the repository as companion/src/cli/, which cli/paths.ts relies on. */
const buildRoot = resolve(here, '../.build');
const MAIN = 'kafka-inspector.js';
const WORKER = 'scan-worker.cjs';

/** What the bundle is built from: any edit, addition or removal here makes a new bundle. */
const INPUTS = ['companion/src', 'shared/src', 'companion/package.json', 'shared/package.json', 'package-lock.json', 'companion/bin/companion-build.js', 'companion/bin/worker-build.js'];

/** Workspace packages and build tools: bundled or not needed at run time, so never external. */
const NOT_RUNTIME = new Set(['@kafka-inspector/shared', 'tsx', 'esbuild']);

/** The companion's and the protocol's runtime dependencies (external to the bundle), by name. */
export function runtimeDependencies() {
  const deps = (path) => JSON.parse(readFileSync(join(root, path), 'utf8')).dependencies ?? {};
  return Object.fromEntries(
    Object.entries({ ...deps('shared/package.json'), ...deps('companion/package.json') })
      .filter(([name]) => !NOT_RUNTIME.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * Builds the bundle and its worker into `outDir`. `define` and `banner` are the package's (its
 * facts, its shebang); the clone's bundle has neither: it is imported by the launcher.
 */
export async function buildCompanion(outDir, { define = {}, banner } = {}) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'companion/src/main.ts')],
    outfile: join(outDir, MAIN),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: Object.keys(runtimeDependencies()),
    define,
    ...(banner ? { banner: { js: banner } } : {}),
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await build({ ...WORKER_BUILD, entryPoints: [join(root, 'companion/src/scan/scan-worker.ts')], outfile: join(outDir, WORKER), legalComments: 'none', logLevel: 'warning' });
}

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** One hash over the inputs' paths and contents (a few hundred small files: milliseconds). */
function inputsHash() {
  const hash = createHash('sha256');
  for (const path of INPUTS.flatMap(files)) hash.update(`${relative(root, join(root, path))}\0`).update(readFileSync(join(root, path))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * The clone's bundle for its current sources, built first if there is none. The build runs in a
 * child process (esbuild never loads into the companion) into a folder of its own, renamed into
 * place: companions started at once (a test run) never see half a bundle. Builds of other sources
 * older than a day are removed; a companion still running one has already loaded its files.
 */
export function repoBundle() {
  const dir = join(buildRoot, inputsHash());
  const main = join(dir, MAIN);
  if (existsSync(main)) return main;
  mkdirSync(buildRoot, { recursive: true });
  const staging = join(buildRoot, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), staging], { stdio: ['ignore', 'ignore', 'inherit'] });
    renameSync(staging, dir);
  } catch {
    // Another start renamed the same build into place first: that one is as good.
    if (!existsSync(main)) throw new Error(`could not build the companion from its sources into ${dir} (esbuild's errors, if any, are above)`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(buildRoot)) {
    const other = join(buildRoot, name);
    // Another start's staging folder may come and go meanwhile: only what is there and old goes.
    const old = other !== dir && (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < dayAgo;
    if (old) rmSync(other, { recursive: true, force: true });
  }
  return main;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  // esbuild has already printed what failed (logLevel 'warning'): no stack trace on top.
  if (outDir) await buildCompanion(resolve(outDir)).catch(() => process.exit(1));
  else console.log(repoBundle());
}
