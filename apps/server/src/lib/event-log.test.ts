import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrate } from '../db/migrate.js';
import { SqliteStorage } from '../db/storage.js';
import { describeEventLogContract } from '../testing/event-log-contract.js';
import { appendEvent, appendEventIn, verifyChain } from './event-log.js';

describeEventLogContract('SQLite', async () => {
  const db = new Database(':memory:');
  migrate(db);
  const storage = new SqliteStorage(db);
  return { first: storage, second: storage, cleanup: () => storage.close() };
});

test('the synchronous append of the write path and the storage one extend the same chain', async () => {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare(
    "INSERT INTO competitions (id, name, starts_on, ends_on, default_language, languages, created_at) VALUES (1, 'Casablanca', '2026-06-13', '2026-06-14', 'fr', '[\"fr\"]', '2026-06-01T00:00:00Z')",
  ).run();
  const at = new Date('2026-06-13T09:00:00Z');
  const storage = new SqliteStorage(db);
  db.transaction(() => appendEvent(db, { competitionId: 1, actor: 'system', type: 'a', payload: {}, at }))();
  await storage.write((tx) => appendEventIn(tx, { competitionId: 1, actor: 'system', type: 'b', payload: {}, at }));
  db.transaction(() => appendEvent(db, { competitionId: 1, actor: 'system', type: 'c', payload: {}, at }))();
  expect(verifyChain(db, 1)).toEqual({ ok: true, entries: 3 });
  await storage.close();
});
