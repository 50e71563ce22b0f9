import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../../apps/server/src/reliability/support/server-process.js';

export interface RunningServer {
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

/**
 * Starts the built server (`pnpm build` first: it serves the built web app) on a free port with
 * its own temporary database, and waits until it answers; `stop` shuts it down gracefully and
 * removes the database.
 */
export async function startServer(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'palmares-e2e-'));
  const dbPath = join(dir, 'e2e.sqlite');
  const server = await startServerProcess(dbPath, { from: 'built', demo: options.demo !== false, env: options.env });
  return {
    url: server.url,
    dbPath,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
