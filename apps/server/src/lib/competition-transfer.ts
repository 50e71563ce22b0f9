import { COMPETITION_EXPORT_FORMAT, type CompetitionExport, type CompetitionImportResponse, type ExportedTable } from '@palmares/contract';
import type { Db } from '../db/open-db.js';
import { checkKeysStayInside, checkLogReplays, rowsOf } from './competition-import-checks.js';
import { appendEvent } from './event-log.js';
import { AppError, notFound } from './errors.js';
import { newToken } from './tokens.js';

const ROUNDS = 'SELECT id FROM rounds WHERE competition_id = @c';
const CARDS = `SELECT id FROM scorecards WHERE round_id IN (${ROUNDS})`;

/**
 * The rows that make up one competition, in an order that satisfies the foreign keys on import.
 * Ids are kept, so every reference inside the document stays true.
 */
export const EXPORTED_TABLES: { table: string; where: string }[] = [
  { table: 'competitions', where: 'id = @c' },
  { table: 'axes', where: 'competition_id = @c' },
  { table: 'axis_quotas', where: 'axis_id IN (SELECT id FROM axes WHERE competition_id = @c)' },
  { table: 'criteria', where: 'competition_id = @c' },
  { table: 'entrants', where: 'competition_id = @c' },
  { table: 'jurors', where: 'competition_id = @c' },
  { table: 'recusals', where: 'competition_id = @c' },
  { table: 'rounds', where: 'competition_id = @c' },
  { table: 'round_entrants', where: `round_id IN (${ROUNDS})` },
  { table: 'assignments', where: `round_id IN (${ROUNDS})` },
  { table: 'scorecards', where: `round_id IN (${ROUNDS})` },
  { table: 'scores', where: `scorecard_id IN (${CARDS})` },
  { table: 'score_changes', where: `scorecard_id IN (${CARDS})` },
  { table: 'scorecard_text_changes', where: `scorecard_id IN (${CARDS})` },
  { table: 'score_corrections', where: `scorecard_id IN (${CARDS})` },
  { table: 'chair_decisions', where: `round_id IN (${ROUNDS})` },
  { table: 'shortlist_overrides', where: `round_id IN (${ROUNDS})` },
  { table: 'result_snapshots', where: `round_id IN (${ROUNDS})` },
  { table: 'signoffs', where: `snapshot_id IN (SELECT id FROM result_snapshots WHERE round_id IN (${ROUNDS}))` },
];

/** Tables deliberately left out, and why; any other table fails the transfer test until placed. */
export const NOT_EXPORTED: Record<string, string> = {
  users: 'accounts and password hashes stay on their server; the importing organiser runs the copy',
  sessions: 'sign-ins are per server',
  auth_failures: "failed sign-ins: the server's own guard, about accounts, not the competition",
  competition_organisers: 'replaced by the importing organiser',
  device_bindings: 'tablets bind again from their invitation links',
  pin_failures: 'belongs to device bindings',
  link_pin_failures: "wrong PINs typed at an invitation link: a guard of the link, not the competition's record",
  events: 'exported as history beside the tables; the importing log records one competition.imported entry',
  chain_heads: "each chain's head, per database: the import's appends move the new competition's",
  schema_migrations: 'per database',
};

type Cell = ExportedTable['rows'][number][number];

function readTable(db: Db, sql: string, params: unknown): ExportedTable {
  const stmt = db.prepare(sql);
  const columns = stmt.columns().map((c) => c.name);
  return { columns, rows: stmt.raw().all(params) as Cell[][] };
}

/** One competition as one JSON document (CompetitionExportSchema). */
export function exportCompetition(db: Db, competitionId: number, now: Date): CompetitionExport {
  if (!db.prepare('SELECT 1 FROM competitions WHERE id = ?').get(competitionId)) throw notFound('Competition');
  const tables: CompetitionExport['tables'] = {};
  for (const { table, where } of EXPORTED_TABLES) {
    tables[table] = readTable(db, `SELECT * FROM "${table}" WHERE ${where} ORDER BY rowid`, { c: competitionId });
  }
  const events = readTable(db, 'SELECT * FROM events WHERE competition_id = @c ORDER BY seq', { c: competitionId });
  return { format: COMPETITION_EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), competitionId, tables, events };
}

function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
}

/** Refuses a document naming tables or columns this database does not have (400, nothing written). */
function checkShape(db: Db, doc: CompetitionExport): void {
  const known = new Set(EXPORTED_TABLES.map((t) => t.table));
  const details = Object.keys(doc.tables)
    .filter((t) => !known.has(t))
    .map((t) => ({ path: `tables.${t}`, rule: 'unknown_table', message: `No table ${t} in a competition` }));
  for (const { table } of EXPORTED_TABLES) {
    const known = columnsOf(db, table);
    const exported = doc.tables[table];
    if (!exported) continue;
    for (const column of exported.columns) {
      if (!known.has(column)) details.push({ path: `tables.${table}.columns`, rule: 'unknown_column', message: `No column ${column} in ${table}` });
    }
    exported.rows.forEach((row, i) => {
      if (row.length !== exported.columns.length) details.push({ path: `tables.${table}.rows.${i}`, rule: 'row_length', message: `Expected ${exported.columns.length} cells` });
    });
  }
  const competition = doc.tables.competitions;
  const idColumn = competition?.columns.indexOf('id') ?? -1;
  if (competition?.rows.length !== 1 || competition.rows[0]?.[idColumn] !== doc.competitionId) {
    details.push({ path: 'tables.competitions', rule: 'one_competition', message: 'The document holds exactly the competition it names' });
  }
  if (details.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'The document does not describe a competition of this server', details);
}

/** Sign-offs stay on the server where their people signed (decision 018): an import never writes them. */
const NOT_IMPORTED = new Set(['signoffs']);
/** Log entries of what an import drops: re-appended, they would assert sign-offs that are not there. */
const DROPPED_EVENTS = new Set(['results.signed', 'results.published']);
/** Links are per server: an imported juror or startup gets a new one, so the document's links work nowhere new. */
const REISSUED: Record<string, string> = { jurors: 'invite_token', entrants: 'access_token' };

/**
 * The rows as they are written here: new links, and a published final taken back to "closed,
 * unsigned" (its sign-offs are dropped, so its publication cannot stand).
 */
function importedRows(doc: CompetitionExport, table: string): { columns: string[]; rows: Cell[][] } {
  const { columns, rows } = doc.tables[table] ?? { columns: [], rows: [] };
  const col = (name: string) => columns.indexOf(name);
  const token = REISSUED[table] ? col(REISSUED[table]) : -1;
  return {
    columns,
    rows: rows.map((source) => {
      const row = [...source];
      if (token >= 0) row[token] = newToken();
      if (table === 'result_snapshots' && col('published_at') >= 0) row[col('published_at')] = null;
      if (table === 'rounds' && row[col('kind')] === 'final' && row[col('state')] === 'confirmed') {
        row[col('state')] = 'closed';
        for (const c of ['confirmed_at', 'published_at']) if (col(c) >= 0) row[col(c)] = null;
      }
      return row;
    }),
  };
}

/**
 * Writes an exported competition into this database, ids kept, in one transaction; the importing
 * organiser runs it. Refused before any write (400) when a row's keys lead outside the document,
 * or the document's log does not verify and replay to its corrections and chair decisions. A
 * database already holding any of those ids refuses it with 409 and keeps nothing. Sign-offs
 * and the final's publication are not carried over; links are issued anew (decision 018).
 * With `dryRun`, every check runs and every row is written, then the transaction is rolled back:
 * the answer says exactly what the import would do, and the database is left as it was.
 */
export function importCompetition(db: Db, doc: CompetitionExport, organiserId: number, now: Date, { dryRun = false } = {}): CompetitionImportResponse {
  checkShape(db, doc);
  const tables = EXPORTED_TABLES.map((t) => t.table);
  const keys = checkKeysStayInside(db, doc, tables);
  if (keys.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'Some rows refer to rows outside this competition', keys);
  const log = checkLogReplays(doc);
  if (log.details.length > 0) throw new AppError(400, 'VALIDATION_FAILED', "The competition's event log does not verify or does not match its rows", log.details);
  const signoffs = doc.tables.signoffs?.rows.length ?? 0;
  const publishedAt = doc.tables.result_snapshots?.columns.indexOf('published_at') ?? -1;
  const publications = publishedAt < 0 ? 0 : (doc.tables.result_snapshots?.rows.filter((r) => r[publishedAt] !== null).length ?? 0);
  const name = String(rowsOf(doc, 'competitions')[0]?.['name'] ?? '');
  let result: CompetitionImportResponse | undefined;
  const write = db.transaction(() => {
    let rows = 0;
    const tables: Record<string, number> = {};
    try {
      for (const { table } of EXPORTED_TABLES) {
        if (NOT_IMPORTED.has(table)) continue;
        const exported = importedRows(doc, table);
        if (exported.rows.length === 0) continue;
        const insert = db.prepare(
          `INSERT INTO "${table}" (${exported.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${exported.columns.map(() => '?').join(', ')})`,
        );
        for (const row of exported.rows) insert.run(...row);
        rows += exported.rows.length;
        tables[table] = exported.rows.length;
      }
      db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)').run(doc.competitionId, organiserId);
    } catch (err) {
      if (err instanceof Error && 'code' in err && String(err.code).startsWith('SQLITE_CONSTRAINT')) {
        throw new AppError(409, 'CONFLICT', `This database already holds part of the competition (${err.message}); import it into an empty database`, [
          { path: 'competitionId', rule: 'ids_taken', message: `ids of competition ${doc.competitionId} are already used here` },
        ]);
      }
      throw err;
    }
    const head = log.events.at(-1)?.hash ?? null;
    const carried = log.events.filter((e) => !DROPPED_EVENTS.has(e.type));
    appendEvent(db, {
      competitionId: doc.competitionId,
      actor: `user:${organiserId}`,
      type: 'competition.imported',
      payload: { exportedAt: doc.exportedAt, rows, sourceEvents: log.events.length, sourceHeadHash: head, carriedEvents: carried.length, dropped: { signoffs, publications } },
      at: now,
    });
    // The source's entries join this chain after the import entry, each as it was (actor, type,
    // payload, time), so every correction and chair decision here still has its log entry. Actors
    // `user:<id>` name the source server's accounts.
    for (const e of carried) {
      appendEvent(db, { competitionId: doc.competitionId, actor: e.actor, type: e.type, payload: JSON.parse(e.payload) as unknown, at: new Date(e.at) });
    }
    result = { dryRun, competitionId: doc.competitionId, name, rows, tables, events: carried.length, dropped: { signoffs, publications } };
    if (dryRun) throw DRY_RUN;
  });
  try {
    write();
  } catch (err) {
    if (err !== DRY_RUN) throw err;
  }
  if (!result) throw new Error('the import wrote nothing and reported nothing');
  return result;
}

/** Thrown inside the transaction to roll a dry run back once it has written everything. */
const DRY_RUN = Symbol('dry run');
