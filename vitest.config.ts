import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{electron,shared,renderer,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/*.security.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{electron,shared,test}/**/*.int.test.ts'],
          exclude: ['**/*.security.test.ts', '**/node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Every file shares the two servers; files use their own databases and table prefixes.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'security',
          // Hostile inputs against the real servers; the last line counts them (test/hostile-tally.ts).
          include: ['{electron,shared,test}/**/*.security.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/hostile-tally.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
