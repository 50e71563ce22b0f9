import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './open-db.js';

/** What one checkpoint did, as `PRAGMA wal_checkpoint(PASSIVE)` reports it. */
export interface CheckpointReport {
  /** Frames in the write-ahead log when the checkpoint ran. */
  log: number;
  /** Of those, frames now copied into the database file. */
  checkpointed: number;
}

export interface Checkpointer {
  /** Stops the worker and closes its connection; call before closing the server's connection. */
  stop(): Promise<void>;
}

/**
 * While the worker runs, the server's own connection checkpoints only if the log ever reaches
 * this many pages (~40 MB): a bound, never the normal path.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// The worker's code, evaluated as CommonJS so it runs the same from `src` (tests) and `dist`.
// A PASSIVE checkpoint never waits for a lock and never blocks a writer (https://sqlite.org/wal.html).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
let last = -1;
const run = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  if (row.log !== last || row.checkpointed !== row.log) parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed });
  last = row.log;
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Runs the write-ahead log's checkpoints in a worker thread on its own connection
 * (docs/decisions/011-write-path-io.md). By default SQLite checkpoints inside the commit
 * that brings the log past 1,000 pages: under score load that is one commit in ~80, and it stalls
 * the event loop for the copy and two fsyncs (~20 ms), which every request waiting behind it pays.
 * Nothing changes for durability: commits still reach the log before they are acknowledged.
 *
 * In-memory databases have no log: nothing is started.
 */
export function startCheckpointer(db: Db, { intervalMs = 250, onCheckpoint }: { intervalMs?: number; onCheckpoint?: (r: CheckpointReport) => void } = {}): Checkpointer {
  const mode = String(db.pragma('journal_mode', { simple: true }));
  if (db.memory || mode !== 'wal') return { stop: () => Promise.resolve() };
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path: db.name, intervalMs },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (r: CheckpointReport) => onCheckpoint?.(r));
  worker.on('error', (error) => {
    // Back to SQLite's default: the server's connection checkpoints by itself again.
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
    console.error('WAL checkpointer stopped; the server checkpoints by itself from now on:', error);
  });
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (() => {
        worker.postMessage('stop');
        const kill = setTimeout(() => void worker.terminate(), 2000);
        kill.unref();
        return exited.finally(() => clearTimeout(kill));
      })();
      return stopping;
    },
  };
}
