import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sql } from 'postgres';

const migrationsDir = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));

/** Any constant: every server process takes the same lock while it migrates. */
const MIGRATION_LOCK = 0x70616c6d; // "palm"

/** The PostgreSQL migration files, in order: the SQLite files' twins, numbered the same (decision 023). */
export function postgresMigrationNames(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-.+\.sql$/.test(f))
    .sort();
}

/**
 * Applies, in order and each in its own transaction, the numbered PostgreSQL files not yet applied;
 * returns how many it applied. Several processes starting together on one database migrate once:
 * each migration runs under a transaction-scoped advisory lock and re-reads what is applied once it
 * holds it, so the second process finds the work done and applies nothing.
 */
export async function migratePostgres(sql: Sql, until?: string): Promise<number> {
  let count = 0;
  for (const name of postgresMigrationNames()) {
    if (until !== undefined && name > until) break;
    const text = readFileSync(migrationsDir + name, 'utf8');
    const applied = await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      // Under the lock: two processes creating it at once would collide in PostgreSQL's catalog.
      await tx`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`;
      const [done] = await tx`SELECT 1 FROM schema_migrations WHERE name = ${name}`;
      if (done) return false;
      // A migration is several statements: sent as one simple query, in this transaction.
      await tx.unsafe(text);
      await tx`INSERT INTO schema_migrations (name, applied_at) VALUES (${name}, ${new Date().toISOString()})`;
      return true;
    });
    if (applied) count += 1;
  }
  return count;
}
