import { defineConfig } from 'vitest/config';

// One vitest run covers every suite: `unit` (packages, server routes, web logic) and `e2e`
// (real Chromium against the built app). Workspace packages resolve to their TypeScript source
// through the `@palmares/source` export condition, so tests never need a prior build.
const conditions = ['@palmares/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.pg.test.ts'],
          environment: 'node',
          // Generous: these 2-core machines are shared, and a property test may take seconds.
          // Speed is measured by `pnpm bench`, never by a test's time limit.
          testTimeout: 30_000,
        },
      },
      {
        // The hosted mode's engine (decision 023): a throwaway PostgreSQL cluster for the run.
        extends: true,
        test: {
          name: 'postgres',
          include: ['apps/server/src/**/*.pg.test.ts'],
          environment: 'node',
          globalSetup: ['apps/server/src/testing/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
