#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=4 --max-old-space-size=1024
// The V8 flags keep a long-running companion small: with defaults, V8 lets garbage from busy tails
// grow the heap to ~270 MB for a live set under 40 MB (see BENCHMARKS.md, memory). MALLOC_ARENA_MAX
// keeps glibc from giving each busy thread (main, scan worker, V8's GC helpers) a malloc arena of
// its own that holds freed frame and fetch buffers: 20 tails peaked ~15 MB lower with it. Both can
// only be given at start, hence the shebang; run it directly (or through `npm start`), not as `node FILE`.
// Thin launcher: runs the bundle of the current sources, built on the first start after a source
// changed (companion-build.js says why a bundle), so there is no build step to forget before `npm start`.
import { pathToFileURL } from 'node:url';
import { repoBundle } from './companion-build.js';

let bundle;
try {
  bundle = repoBundle();
} catch (error) {
  console.error(`kafka-inspector: ${error.message}`);
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
