import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { describeStorageContract } from '../testing/storage-contract.js';
import { SqliteStorage, toPostgresPlaceholders } from './storage.js';

describeStorageContract('SQLite', async () => {
  const storage = new SqliteStorage(new Database(':memory:'));
  return { storage, cleanup: () => storage.close() };
});

test('placeholders become numbered for PostgreSQL, outside quoted text and identifiers only', () => {
  expect(toPostgresPlaceholders(`SELECT "a?b", 'c?''d?', ? FROM t WHERE x = ? AND y = '?'`)).toBe(
    `SELECT "a?b", 'c?''d?', $1 FROM t WHERE x = $2 AND y = '?'`,
  );
});

test('on SQLite, waiting writes and reads get the connection in the order they asked for it', async () => {
  const storage = new SqliteStorage(new Database(':memory:'));
  await storage.run('CREATE TABLE log (seq INTEGER PRIMARY KEY, who TEXT NOT NULL)');
  const seen: string[] = [];
  const asks = Array.from({ length: 200 }, (_, i) =>
    i % 10 === 9
      ? storage.all<{ n: number }>('SELECT count(*) AS n FROM log').then(([row]) => seen.push(`read ${row?.n}`))
      : storage.write(async (tx) => {
          await tx.run('INSERT INTO log (who) VALUES (?)', [`w${i}`]);
          await Promise.resolve();
          seen.push(`write ${i}`);
        }),
  );
  await Promise.all(asks);
  // Every read saw exactly the writes asked before it, committed; no write overtook another.
  const expected = Array.from({ length: 200 }, (_, i) => (i % 10 === 9 ? `read ${i - Math.floor(i / 10)}` : `write ${i}`));
  expect(seen).toEqual(expected);
  await storage.close();
});
