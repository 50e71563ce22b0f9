import { createRequire } from 'node:module';

/**
 * The server's own record, read from its SQLite file (better-sqlite3 is the server's dependency):
 * a journey checks what the server stored, not what the screen says it stored.
 */
export interface Statement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}
export interface Db {
  prepare(sql: string): Statement;
  close(): void;
}
const requireFromServer = createRequire(new URL('../../apps/server/package.json', import.meta.url));
const Database = requireFromServer('better-sqlite3') as new (path: string, options: { readonly: boolean }) => Db;

export function readDb<T>(path: string, read: (db: Db) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
