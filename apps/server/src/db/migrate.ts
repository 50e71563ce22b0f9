import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './open-db.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The SQLite migration files, in order (the PostgreSQL twins carry the same names: decision 023). */
export function sqliteMigrationNames(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-.+\.sql$/.test(f))
    .sort();
}

/**
 * Applies, in order and each in its own transaction, the numbered SQL files not yet applied;
 * with `until` (a file name), only those up to it (tests of a migration start there).
 */
export function migrate(db: Db, until?: string): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[],
  );
  const pending = sqliteMigrationNames().filter((f) => !applied.has(f) && (until === undefined || f <= until));
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const name of pending) {
    const sql = readFileSync(migrationsDir + name, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(name, new Date().toISOString());
    })();
  }
  return pending.length;
}
