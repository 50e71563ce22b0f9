import { createRequire } from 'node:module';

/**
 * The server's own record, read from its SQLite file (better-sqlite3 is the server's dependency):
 * a journey checks what the server stored, not what the screen says it stored.
 */
export interface Statement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
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

/** A juror's scorecard of an entrant in a round, as the server holds it (null before the first change). */
export function serverScorecard(path: string, roundId: number, jurorId: number, entrantId: number) {
  return readDb(path, (db) => {
    const card = db.prepare('SELECT id, status, note FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?').get(roundId, jurorId, entrantId) as
      | { id: number; status: string; note: string }
      | undefined;
    if (!card) return null;
    const scores = db
      .prepare('SELECT c.code, s.value FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE s.scorecard_id = ? ORDER BY c.code')
      .all(card.id) as { code: string; value: number }[];
    return { status: card.status, note: card.note, scores: Object.fromEntries(scores.map((s) => [s.code, s.value])) };
  });
}

/**
 * Writes to the server's SQLite file behind its back, as someone holding the file and no account
 * would (the integrity journeys); the server notices on its next read of the results.
 */
export function writeDb<T>(path: string, write: (db: Db) => T): T {
  const db = new Database(path, { readonly: false });
  try {
    return write(db);
  } finally {
    db.close();
  }
}
