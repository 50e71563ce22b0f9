import type { TestProject } from 'vitest/node';
// @ts-expect-error a plain ES module of the repository's scripts, without types
import { startCluster } from '../../../../scripts/postgres-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's URL; each test file makes its own database on it (`postgres.ts`). */
    postgresUrl: string;
  }
}

/**
 * The `postgres` vitest project's global set-up: one throwaway PostgreSQL cluster for the run
 * (scripts/postgres-cluster.mjs: Debian's server, a temporary folder, a non-root user), stopped at
 * the end. `fsync` is off: the tests kill server processes, never the database.
 */
export default async function setup(project: TestProject) {
  const cluster = (await startCluster({ settings: { fsync: 'off', max_connections: 200 } })) as { url: string; stop: () => Promise<void> };
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
