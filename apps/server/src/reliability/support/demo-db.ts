import Database from 'better-sqlite3';
import { openDb, type Db } from '../../db/open-db.js';
import { seedDemo } from '../../demo/seed-demo.js';

let template: Promise<Buffer> | undefined;

/**
 * A fresh in-memory copy of the seeded demo. The demo is seeded (scrypt hashes, ranking) once per
 * test file and deserialised for each test, which keeps every test on its own database.
 */
export async function demoDb(): Promise<Db> {
  template ??= (async () => {
    const db = openDb(':memory:');
    await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
    const bytes = db.serialize();
    db.close();
    return bytes;
  })();
  const db = new Database(await template);
  db.pragma('foreign_keys = ON');
  return db;
}
