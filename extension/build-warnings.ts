import type { Rollup } from 'vite';

/**
 * Rollup warnings worth a reader's time. zod 4 ships `@__PURE__` comments where Rollup cannot use
 * them (INVALID_ANNOTATION in node_modules: Rollup drops the comment, the bundle is the same); they
 * printed four warnings before the companion's banner on every `npm start`. Everything else shows.
 */
/**
 * The panel is one app read from disk (the extension) or loopback (the companion's page), never
 * over a network, so code-splitting it buys nothing; vite's 500 kB chunk-size warning printed on
 * every first `npm start`. Past a megabyte it would be worth a look again.
 */
export const CHUNK_SIZE_WARNING_KB = 1024;

export function onRollupWarning(warning: Rollup.RollupLog, warn: (warning: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
  warn(warning);
}
