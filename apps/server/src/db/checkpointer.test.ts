import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer, type CheckpointReport } from './checkpointer.js';
import { openDb } from './open-db.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fileDb() {
  const dir = mkdtempSync(join(tmpdir(), 'palmares-checkpoint-'));
  dirs.push(dir);
  const path = join(dir, 'palmares.sqlite');
  return { db: openDb(path), path };
}

describe('the WAL checkpointer', () => {
  test('copies committed pages into the database file from its own thread; the server connection no longer checkpoints at 1,000 pages', async () => {
    const { db, path } = fileDb();
    const reports: CheckpointReport[] = [];
    const checkpointer = startCheckpointer(db, { intervalMs: 20, onCheckpoint: (r) => reports.push(r) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);

    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (data) VALUES (randomblob(3000))');
    // 1,500 separate commits: with SQLite's default, this connection would checkpoint by itself.
    for (let i = 0; i < 1500; i++) insert.run();

    // ~1,500 frames, under this connection's own threshold: only the worker can move them.
    await expect.poll(() => statSync(path).size, { timeout: 10_000 }).toBeGreaterThan(1500 * 3000);
    await expect.poll(() => reports.some((r) => r.log > 0 && r.checkpointed === r.log), { timeout: 10_000 }).toBe(true);
    await checkpointer.stop();
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false); // the last connection folded the log away
  });

  test('stopping twice is harmless, and an in-memory database starts no worker', async () => {
    const { db } = fileDb();
    const checkpointer = startCheckpointer(db, { intervalMs: 20 });
    await Promise.all([checkpointer.stop(), checkpointer.stop()]);
    db.close();

    const memory = openDb(':memory:');
    const none = startCheckpointer(memory);
    expect(memory.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await none.stop();
    memory.close();
  });
});
