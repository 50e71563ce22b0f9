import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb } from '../db/open-db.js';
import { groupCommit } from './group-commit.js';

const cleanUp: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanUp.splice(0)) step();
});

/** A database file with a table of notes, and a second connection that sees only what is committed. */
function files() {
  const dir = mkdtempSync(join(tmpdir(), 'palmares-group-'));
  const db = openDb(join(dir, 'db.sqlite'));
  db.exec('CREATE TABLE notes (text TEXT NOT NULL UNIQUE)');
  const reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
  cleanUp.push(() => {
    reader.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
  const committed = () => reader.prepare('SELECT text FROM notes ORDER BY text').pluck().all();
  return { db, committed, note: (text: string) => () => insert.run(text).changes };
}

const settled = <T>(p: Promise<T>) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

describe('groupCommit', () => {
  test('jobs sent in the same turn share one transaction, and each caller hears back once it has committed', async () => {
    const { db, committed, note } = files();
    const commit = groupCommit(db);
    let seenInside: unknown[] = [];
    const jobs = [
      commit(note('a')),
      commit(note('b')),
      commit(() => {
        seenInside = committed();
        return db.inTransaction;
      }),
    ];
    expect(committed()).toEqual([]);
    expect(await Promise.all(jobs)).toEqual([1, 1, true]);
    expect(seenInside).toEqual([]); // a and b were written but not yet committed when the third ran
    expect(committed()).toEqual(['a', 'b']);
  });

  test('a job that throws is rolled back alone: its caller gets the error, the others are stored', async () => {
    const { db, committed, note } = files();
    const commit = groupCommit(db);
    const results = await Promise.all([
      settled(commit(note('a'))),
      settled(
        commit(() => {
          note('half-written')();
          note('a')(); // UNIQUE: the job fails after writing
        }),
      ),
      settled(commit(note('c'))),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(String((results[1] as { error: unknown }).error)).toMatch(/UNIQUE/);
    expect(committed()).toEqual(['a', 'c']);
  });

  test('if the transaction ends early, every job of the group fails and nothing of it is stored', async () => {
    const { db, committed, note } = files();
    const commit = groupCommit(db);
    const results = await Promise.all([
      settled(commit(note('a'))),
      settled(commit(() => db.exec('ROLLBACK'))), // what SQLite does by itself on a full disk
      settled(commit(note('c'))),
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, false, false]);
    expect(committed()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    // The next group is not affected.
    expect(await commit(note('d'))).toBe(1);
    expect(committed()).toEqual(['d']);
  });

  test('a job sent while a group is being written goes into the next group, not lost', async () => {
    const { db, committed, note } = files();
    const commit = groupCommit(db);
    let later: Promise<number> | undefined;
    await commit(() => {
      later = commit(note('b'));
      return note('a')();
    });
    expect(committed()).toEqual(['a']);
    expect(await later).toBe(1);
    expect(committed()).toEqual(['a', 'b']);
  });
});

