#!/usr/bin/env node
// Thin launcher: the companion ships as TypeScript and runs through tsx's loader, so there is no
// separate build step to forget before `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
