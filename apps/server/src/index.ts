import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { startCheckpointer } from './db/checkpointer.js';
import { openDb } from './db/open-db.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { parseEnv } from './env.js';
import { markDraining } from './lib/lifecycle.js';
import { ensureFirstOrganiser } from './bootstrap.js';
import { setBackupPolicy } from './lib/backup.js';
import { LiveHub } from './lib/live-hub.js';
import { setResultsCacheSize } from './results/result-cache.js';

// The repository root: `pnpm demo` runs from apps/server, but ./data means the project's data folder.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const env = parseEnv(process.env, process.env.INIT_CWD ?? repoRoot);
const demo = process.argv.includes('--demo');
setResultsCacheSize(env.RESULTS_CACHE_SIZE);
setBackupPolicy({ keep: env.BACKUPS_KEEP, minIntervalMs: env.BACKUPS_MIN_INTERVAL_S * 1000 });

const db = openDb(env.DATABASE_PATH);
if (demo) await seedDemoIfEmpty(db);
else await ensureFirstOrganiser(db, env);
const checkpointer = startCheckpointer(db);

const webRoot = env.WEB_ROOT ?? fileURLToPath(new URL('../../web/dist/', import.meta.url));
const app = createApp({
  db,
  live: new LiveHub({ maxStreams: env.LIVE_STREAMS_MAX }),
  secureCookies: env.PUBLIC_URL?.startsWith('https:') ?? false,
  proxy: { trustProxy: env.TRUST_PROXY, ...(env.PUBLIC_URL ? { publicOrigin: new URL(env.PUBLIC_URL).origin } : {}) },
  ...(existsSync(webRoot + '/index.html') ? { webRoot } : {}),
});

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`Palmares listening on http://localhost:${info.port}${demo ? ' (demo)' : ''} — database ${env.DATABASE_PATH}`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  // Readiness answers 503 from now on: a load balancer stops sending new work here.
  markDraining();
  console.log(`${signal}: closing`);
  const exit = () =>
    void checkpointer.stop().finally(() => {
      // The last connection to close folds the write-ahead log into the database file.
      if (db.open) db.close();
      process.exit(0);
    });
  server.close(exit);
  // Open SSE streams never end by themselves; do not wait for them for long.
  setTimeout(exit, 3000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
