import { afterEach, describe, expect, test } from 'vitest';
import type { Storage } from '../db/storage.js';

/**
 * What every storage engine promises the repositories (decision 023), run against SQLite in the
 * unit suite and against PostgreSQL in the postgres suite: the same file of expectations, so the
 * two engines cannot drift apart in what a transaction means.
 */
export function describeStorageContract(engine: string, open: () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>) {
  describe(`the ${engine} storage`, () => {
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    async function withTable() {
      const opened = await open();
      cleanup = opened.cleanup;
      const { storage } = opened;
      await storage.write(async (tx) => {
        await tx.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, score INTEGER)');
        await tx.run('CREATE TABLE counter (n INTEGER NOT NULL)');
        await tx.run('INSERT INTO counter (n) VALUES (0)');
      });
      return storage;
    }

    test('a write that resolves is committed, and rows come back with JavaScript types', async () => {
      const storage = await withTable();
      const inserted = await storage.write((tx) => tx.run('INSERT INTO notes (id, body, score) VALUES (?, ?, ?), (?, ?, ?)', [1, 'clair', 7, 2, 'bref', null]));
      expect(inserted.changes).toBe(2);
      expect(await storage.all('SELECT id, body, score FROM notes ORDER BY id')).toEqual([
        { id: 1, body: 'clair', score: 7 },
        { id: 2, body: 'bref', score: null },
      ]);
      expect(await storage.get('SELECT body FROM notes WHERE id = ?', [3])).toBeUndefined();
    });

    test('a write that throws leaves nothing behind, and its error reaches the caller', async () => {
      const storage = await withTable();
      await expect(
        storage.write(async (tx) => {
          await tx.run('INSERT INTO notes (id, body) VALUES (?, ?)', [1, 'half']);
          throw new Error('refused halfway');
        }),
      ).rejects.toThrow('refused halfway');
      expect(await storage.all('SELECT id FROM notes')).toEqual([]);
    });

    test('no one reads rows a transaction has not committed, even while it awaits', async () => {
      const storage = await withTable();
      let inserted!: () => void;
      const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
      let abandon!: () => void;
      const gate = new Promise<void>((resolve) => (abandon = resolve));
      const writing = storage.write(async (tx) => {
        await tx.run('INSERT INTO notes (id, body) VALUES (?, ?)', [1, 'not yet']);
        inserted();
        await gate;
        throw new Error('abandoned');
      });
      await insertedYet;
      // Asked while the row exists only inside the open transaction.
      const read = storage.all('SELECT id FROM notes');
      abandon();
      await expect(writing).rejects.toThrow('abandoned');
      expect(await read).toEqual([]);
    });

    test('concurrent writes all count: none is lost or applied twice', async () => {
      const storage = await withTable();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          storage.write(async (tx) => {
            await tx.run('UPDATE counter SET n = n + 1');
            await tx.run('INSERT INTO notes (id, body) VALUES (?, ?)', [i + 1, `note ${i + 1}`]);
          }),
        ),
      );
      expect(await storage.get('SELECT n FROM counter')).toEqual({ n: 20 });
      expect((await storage.all('SELECT id FROM notes')).length).toBe(20);
    });

    test('a question mark inside quoted text is text, not a placeholder', async () => {
      const storage = await withTable();
      expect(await storage.get("SELECT 'pourquoi ?' AS q, CAST(? AS INTEGER) AS v", [5])).toEqual({ q: 'pourquoi ?', v: 5 });
    });
  });
}
