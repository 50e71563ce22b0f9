import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-db.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventInput {
  competitionId: number | null;
  actor: string;
  type: string;
  payload: unknown;
  at: Date;
}

export interface EventRow {
  seq: number;
  competition_id: number | null;
  at: string;
  actor: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(e: Omit<EventRow, 'hash'>): string {
  const body = JSON.stringify([e.seq, e.competition_id, e.at, e.actor, e.type, e.payload, e.prev_hash]);
  return createHash('sha256').update(body).digest('hex');
}

// Prepared once per database: appendEvent sits on the hot path of every score batch.
const statements = new WeakMap<Db, { last: Statement<[], [number, string]>; insert: Statement<unknown[]> }>();
function statementsFor(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      // The chain's head is read from the table on every append, not kept in memory: a rolled-back
      // savepoint or transaction takes its entries with it, and the head stays right.
      last: db.prepare<[], [number, string]>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').raw(),
      insert: db.prepare(
        'INSERT INTO events (seq, competition_id, at, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Appends one entry to the hash-chained log. Call it inside the transaction that makes the change,
 * so the change and its log entry commit together.
 */
export function appendEvent(db: Db, input: EventInput): string {
  const { last: lastStatement, insert } = statementsFor(db);
  const [lastSeq, lastHash] = lastStatement.get() ?? [0, GENESIS_HASH];
  const row = {
    seq: lastSeq + 1,
    competition_id: input.competitionId,
    at: input.at.toISOString(),
    actor: input.actor,
    type: input.type,
    payload: JSON.stringify(input.payload ?? null),
    prev_hash: lastHash,
  };
  const hash = entryHash(row);
  insert.run(row.seq, row.competition_id, row.at, row.actor, row.type, row.payload, row.prev_hash, hash);
  return hash;
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number };

/** Recomputes every hash from the start; the first entry that does not match is reported. */
export function verifyChain(db: Db): ChainCheck {
  let prev = GENESIS_HASH;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<EventRow>) {
    entries++;
    if (row.prev_hash !== prev || entryHash(row) !== row.hash) return { ok: false, entries, brokenAt: row.seq };
    prev = row.hash;
  }
  return { ok: true, entries };
}
