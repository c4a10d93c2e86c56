import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { CHUNK_SIZE_WARNING_KB, onRollupWarning } from './build-warnings';

/** The same app as a plain page, served by the companion at `/` (standalone mode). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'standalone'),
  base: './',
  publicDir: resolve(import.meta.dirname, 'public'),
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, 'dist/standalone'), emptyOutDir: true, chunkSizeWarningLimit: CHUNK_SIZE_WARNING_KB, rollupOptions: { onwarn: onRollupWarning } },
});
