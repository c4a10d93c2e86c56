import { defineConfig } from 'vitest/config';

// One runner, four projects: pure unit tests for shared and companion (node), the panel's store,
// bridge and components (DOM), integration against a real broker, and end-to-end in real Chromium.
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
          globalSetup: ['test/helpers/broker-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/broker-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
