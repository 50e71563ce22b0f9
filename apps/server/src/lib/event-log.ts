import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-db.js';
import type { SqlClient } from '../db/storage.js';

/**
 * The hash-chained event log, one chain per competition (decision 031, amending 023).
 *
 * Each entry holds the hash of its competition's previous entry, so an edit of a stored entry, a
 * removed one or a tail cut off the log shows when the chain is walked again. A competition's
 * chain is whole on its own: an export carries it complete, and two server processes appending to
 * different competitions never wait for each other. Entries without a competition (sign-ins, the
 * instance's own events) form chain 0. `chain_heads` holds each chain's length and last hash; an
 * append reads and moves it in the transaction that makes the change.
 *
 * Entries written before migration 0022 have no `competition_seq`: they were one chain for the
 * whole instance, in `seq` order, and verify as such. Each chain's first later entry links to its
 * competition's last earlier one.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface EventInput {
  competitionId: number | null;
  actor: string;
  type: string;
  payload: unknown;
  at: Date;
}

export interface EventRow {
  /** The instance-wide order, given by the database. */
  seq: number;
  competition_id: number | null;
  /** The entry's place in its competition's chain (1, 2, …); null before migration 0022. */
  competition_seq?: number | null;
  at: string;
  actor: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** A chain's state: how many entries it holds and the hash of the last one. */
export interface ChainHead {
  length: number;
  hash: string;
}

const EMPTY_CHAIN: ChainHead = { length: 0, hash: GENESIS_HASH };

/** The chain an entry belongs to: its competition, or 0 for the instance's own entries. */
export const chainOf = (competitionId: number | null): number => competitionId ?? 0;

/**
 * The hash of an entry, from its fields and the previous entry's hash. A chained entry hashes its
 * place in its competition's chain; an entry from before migration 0022 its instance-wide `seq`.
 */
export function entryHash(e: Omit<EventRow, 'hash'>): string {
  const body =
    e.competition_seq == null
      ? JSON.stringify([e.seq, e.competition_id, e.at, e.actor, e.type, e.payload, e.prev_hash])
      : JSON.stringify(['chain', e.competition_seq, e.competition_id, e.at, e.actor, e.type, e.payload, e.prev_hash]);
  return createHash('sha256').update(body).digest('hex');
}

/** The entry that follows `head` in its chain, hash included (what both engines insert). */
export function nextEntry(head: ChainHead | undefined, input: EventInput): Omit<EventRow, 'seq'> {
  const { length, hash: prevHash } = head ?? EMPTY_CHAIN;
  const row = {
    competition_id: input.competitionId,
    competition_seq: length + 1,
    at: input.at.toISOString(),
    actor: input.actor,
    type: input.type,
    payload: JSON.stringify(input.payload ?? null),
    prev_hash: prevHash,
  };
  return { ...row, hash: entryHash({ seq: 0, ...row }) };
}

const INSERT_EVENT = 'INSERT INTO events (competition_id, competition_seq, at, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const eventValues = (row: Omit<EventRow, 'seq'>) => [row.competition_id, row.competition_seq, row.at, row.actor, row.type, row.payload, row.prev_hash, row.hash];

// Prepared once per database: appendEvent sits on the hot path of every score batch.
interface AppendStatements {
  head: Statement<[number], ChainHead>;
  insert: Statement<unknown[]>;
  move: Statement<[number, string, number]>;
  start: Statement<[number, number, string]>;
}
const statements = new WeakMap<Db, AppendStatements>();
function statementsFor(db: Db): AppendStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      // The head is read from the table on every append, not kept in memory: a rolled-back
      // savepoint or transaction takes its entries, and its move of the head, with it.
      head: db.prepare<[number], ChainHead>('SELECT length, hash FROM chain_heads WHERE chain = ?'),
      insert: db.prepare(INSERT_EVENT),
      move: db.prepare<[number, string, number]>('UPDATE chain_heads SET length = ?, hash = ? WHERE chain = ?'),
      start: db.prepare<[number, number, string]>('INSERT INTO chain_heads (chain, length, hash) VALUES (?, ?, ?)'),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Appends one entry to its competition's chain (SQLite, synchronous). Call it inside the
 * transaction that makes the change, so the change and its log entry commit together.
 */
export function appendEvent(db: Db, input: EventInput): string {
  const s = statementsFor(db);
  const chain = chainOf(input.competitionId);
  const head = s.head.get(chain);
  const row = nextEntry(head, input);
  s.insert.run(...eventValues(row));
  if (head) s.move.run(row.competition_seq!, row.hash, chain);
  else s.start.run(chain, row.competition_seq!, row.hash);
  return row.hash;
}

/**
 * Appends one entry through a storage transaction, on either engine. On PostgreSQL the chain's
 * head row is locked (`FOR UPDATE`) until the transaction ends, so appends to one competition from
 * several processes queue on it and the chain never forks; appends to other competitions do not
 * wait. On SQLite the storage's write lock already serialises every writer.
 */
export async function appendEventIn(tx: SqlClient, input: EventInput): Promise<string> {
  const chain = chainOf(input.competitionId);
  const read = `SELECT length, hash FROM chain_heads WHERE chain = ?${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`;
  let head = await tx.get<ChainHead>(read, [chain]);
  if (!head) {
    // A chain's first entry: create its head, or, if another process just did, wait for it.
    await tx.run('INSERT INTO chain_heads (chain, length, hash) VALUES (?, 0, ?) ON CONFLICT (chain) DO NOTHING', [chain, GENESIS_HASH]);
    head = await tx.get<ChainHead>(read, [chain]);
  }
  const row = nextEntry(head, input);
  await tx.run(INSERT_EVENT, eventValues(row));
  await tx.run('UPDATE chain_heads SET length = ?, hash = ? WHERE chain = ?', [row.competition_seq, row.hash, chain]);
  return row.hash;
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number };

/**
 * Walks entries in `seq` order and checks every link: the entries from before migration 0022 as
 * one instance-wide chain, each later entry against its own chain's previous one. `finish`
 * compares each walked chain's end with its stored head, which catches a removed last entry.
 */
class ChainWalker {
  private legacyPrev = GENESIS_HASH;
  private readonly chains = new Map<number, ChainHead>();
  /** The seq of each chain's last walked entry: where a cut tail shows. */
  private readonly lastSeq = new Map<number, number>();
  private counted = 0;
  private broken: number | null = null;

  constructor(private readonly only: number | null) {}

  /** False once an entry does not follow its chain (the walk can stop). */
  add(row: EventRow): boolean {
    const chain = chainOf(row.competition_id);
    const head = this.chains.get(chain) ?? EMPTY_CHAIN;
    if (this.only === null || chain === this.only) this.counted++;
    const follows =
      row.competition_seq == null
        ? row.prev_hash === this.legacyPrev
        : row.competition_seq === head.length + 1 && row.prev_hash === head.hash;
    if (!follows || entryHash(row) !== row.hash) {
      this.broken = row.seq;
      return false;
    }
    if (row.competition_seq == null) this.legacyPrev = row.hash;
    this.chains.set(chain, { length: head.length + 1, hash: row.hash });
    this.lastSeq.set(chain, row.seq);
    return true;
  }

  finish(heads: (ChainHead & { chain: number })[]): ChainCheck {
    if (this.broken !== null) return { ok: false, entries: this.counted, brokenAt: this.broken };
    const stored = new Map(heads.map((h) => [h.chain, h]));
    const chains = new Set([...stored.keys(), ...this.chains.keys()].filter((c) => this.only === null || c === this.only));
    for (const chain of chains) {
      const walked = this.chains.get(chain) ?? EMPTY_CHAIN;
      const head = stored.get(chain) ?? EMPTY_CHAIN;
      if (walked.length !== head.length || walked.hash !== head.hash) return { ok: false, entries: this.counted, brokenAt: this.lastSeq.get(chain) ?? 0 };
    }
    return { ok: true, entries: this.counted };
  }
}

/**
 * Recomputes every hash and link, of one competition's chain or (without `competitionId`) of
 * every chain; the first entry that does not follow is reported. Entries from before migration
 * 0022 are walked whichever competition they belong to, since they link across competitions.
 */
export function verifyChain(db: Db, competitionId?: number | null): ChainCheck {
  const only = competitionId === undefined ? null : chainOf(competitionId);
  const walker = new ChainWalker(only);
  const rows = (
    only === null
      ? db.prepare('SELECT * FROM events ORDER BY seq')
      : db.prepare('SELECT * FROM events WHERE coalesce(competition_id, 0) = ? OR competition_seq IS NULL ORDER BY seq').bind(only)
  ).iterate() as Iterable<EventRow>;
  for (const row of rows) {
    if (!walker.add(row)) break;
  }
  const heads = db.prepare('SELECT chain, length, hash FROM chain_heads').all() as (ChainHead & { chain: number })[];
  return walker.finish(heads);
}

/** `verifyChain` through a storage client, on either engine. */
export async function verifyChainIn(client: SqlClient, competitionId?: number | null): Promise<ChainCheck> {
  const only = competitionId === undefined ? null : chainOf(competitionId);
  const walker = new ChainWalker(only);
  const rows =
    only === null
      ? await client.all<EventRow>('SELECT * FROM events ORDER BY seq')
      : await client.all<EventRow>('SELECT * FROM events WHERE coalesce(competition_id, 0) = ? OR competition_seq IS NULL ORDER BY seq', [only]);
  for (const row of rows) {
    if (!walker.add(row)) break;
  }
  const heads = await client.all<ChainHead & { chain: number }>('SELECT chain, length, hash FROM chain_heads');
  return walker.finish(heads);
}
