import { defineConfig } from 'vitest/config';

// One runner, four projects: pure unit tests for shared and companion (node), the panel's store,
// bridge and components (DOM), integration against a real broker, and end-to-end in real Chromium.
/**
 * Integration files that spend their time waiting, not computing: a 30 s broker outage (issue 5),
 * a broker that never answers (two request timeouts), hostile filters (4 s of pings each, 8 cases,
 * p99 2-7 ms against a 100 ms bar) and Ctrl-C during the demo's seeding (timed waits for its exit).
 */
const waitingFiles = [
  'test/integration/broker-outage.test.ts',
  'test/integration/broker-no-answer.test.ts',
  'test/integration/hostile-filters.test.ts',
  'test/integration/demo-shutdown.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/shared/**/*.test.ts', 'test/unit/companion/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['test/unit/extension/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          exclude: waitingFiles,
          globalSetup: ['test/helpers/companion-bundle-setup.ts', 'test/helpers/broker-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Files that mostly wait on the clock run in a pool of their own (threads, not forks), so
        // they wait beside the other files instead of in turn: on CI's 2 cores each pool has one
        // worker. Their own test broker (globalSetup runs per project) can go down without taking
        // another file's broker with it.
        test: {
          name: 'integration-waiting',
          environment: 'node',
          include: waitingFiles,
          pool: 'threads',
          globalSetup: ['test/helpers/companion-bundle-setup.ts', 'test/helpers/broker-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/companion-bundle-setup.ts', 'test/helpers/broker-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
