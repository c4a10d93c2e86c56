import { repoBundle } from '../../companion/bin/companion-build.js';

/**
 * Builds the launcher's bundle of the current sources once, before any test spawns a companion:
 * otherwise the first companions of every parallel worker would each build it on their own start.
 */
export default function setup(): void {
  repoBundle();
}
