#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=1024
// The V8 flags keep a long-running companion small: with defaults, V8 lets garbage from busy tails
// grow the heap to ~270 MB for a live set under 40 MB (see BENCHMARKS.md, memory). They can only
// be given at start, hence the shebang; run it directly (or through `npm start`), not as `node FILE`.
// Thin launcher: the companion ships as TypeScript and runs through tsx's loader, so there is no
// separate build step to forget before `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
