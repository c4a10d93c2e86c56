// `npm run pack`: the companion as an npm package, kafka-inspector-<version>.tgz in the repository root.
//
// The package carries the companion's bundle prebuilt (companion + shared by esbuild into one ESM
// file, companion/bin/companion-build.js, the same bundle a clone's launcher builds from its
// sources), the runtime dependencies kept external as real `dependencies`, the standalone UI built
// by vite, and the demo broker's C source (built on first use). No tsx, no dev dependencies, no
// build at start. Usage: node --import tsx scripts/pack-companion.ts [--out DIR] [--skip-ui]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCompanion, runtimeDependencies } from '../companion/bin/companion-build.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, 'skip-ui': { type: 'boolean' } } });
const outDir = resolve(values.out ?? root);
// A fresh staging folder per run: two packs at once (a test and a developer) do not collide.
const stageRoot = mkdtempSync(join(tmpdir(), 'ki-pack-'));
const stage = join(stageRoot, 'package');

type Manifest = { version: string; dependencies?: Record<string, string>; engines?: Record<string, string>; license?: string; description?: string };
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
const rootPkg = readJson<Manifest>('package.json');
const companion = readJson<Manifest>('companion/package.json');
const { id: extensionId } = readJson<{ id?: string }>('extension/extension-key.json');

// Runtime dependencies: the companion's and shared's, minus what the bundle holds or never needs.
const dependencies = runtimeDependencies();

if (!values['skip-ui']) {
  process.stdout.write('building the standalone UI (vite)...\n');
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '-c', 'extension/vite.standalone.config.ts'], { cwd: root, stdio: 'inherit' });
}
const uiDir = join(root, 'extension/dist/standalone');
if (!existsSync(join(uiDir, 'index.html'))) throw new Error(`no standalone UI in ${uiDir}: run without --skip-ui`);

mkdirSync(stage, { recursive: true });
process.stdout.write('bundling companion + shared (esbuild)...\n');
// The scan worker goes beside the bundle, where scan/worker-code.ts looks first.
await buildCompanion(join(stage, 'dist'), {
  define: { KAFKA_INSPECTOR_PACKAGE: JSON.stringify({ version: companion.version, extensionId: extensionId ?? null }) },
  // Same V8 flags as companion/bin/kafka-inspector.js (why: see there).
  banner: '#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=4 --max-old-space-size=1024',
});
cpSync(uiDir, join(stage, 'ui'), { recursive: true });
cpSync(join(root, 'companion/native/mock-broker.c'), join(stage, 'native/mock-broker.c'));
writeFileSync(
  join(stage, 'README.md'),
  `# kafka-inspector ${companion.version}

The Kafka Inspector companion: a local gateway between your browser (the Kafka DevTools panel, or
the page it serves) and Apache Kafka. \`kafka-inspector --help\` lists the options;
\`kafka-inspector --brokers host:9092\` points it at a cluster. With no cluster configured it starts a
demo broker, built on first use from \`native/mock-broker.c\` (needs gcc, pkg-config and librdkafka's
headers: Debian \`apt-get install gcc pkg-config librdkafka-dev\`).
`,
);
const manifest = {
  name: 'kafka-inspector',
  version: companion.version,
  description: rootPkg.description ?? companion.description,
  license: rootPkg.license ?? 'MIT',
  type: 'module',
  bin: { 'kafka-inspector': 'dist/kafka-inspector.js' },
  files: ['dist', 'ui', 'native', 'README.md'],
  engines: rootPkg.engines,
  dependencies,
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

mkdirSync(outDir, { recursive: true });
const [packed] = JSON.parse(execFileSync('npm', ['pack', stage, '--json', '--pack-destination', outDir], { encoding: 'utf8' })) as Array<{ filename: string; size: number; unpackedSize: number; entryCount: number }>;
rmSync(stageRoot, { recursive: true, force: true });
const tarball = join(outDir, packed!.filename);
process.stdout.write(`${tarball}: ${(packed!.size / 1024).toFixed(0)} kB, ${packed!.entryCount} files, ${(packed!.unpackedSize / 1024).toFixed(0)} kB unpacked\n`);
