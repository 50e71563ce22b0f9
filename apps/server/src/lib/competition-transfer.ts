import { COMPETITION_EXPORT_FORMAT, type CompetitionExport, type ExportedTable } from '@palmares/contract';
import type { Db } from '../db/open-db.js';
import { appendEvent } from './event-log.js';
import { AppError, notFound } from './errors.js';

const ROUNDS = 'SELECT id FROM rounds WHERE competition_id = @c';
const CARDS = `SELECT id FROM scorecards WHERE round_id IN (${ROUNDS})`;

/**
 * The rows that make up one competition, in an order that satisfies the foreign keys on import.
 * Ids are kept, so every reference inside the document stays true.
 */
export const EXPORTED_TABLES: { table: string; where: string }[] = [
  { table: 'competitions', where: 'id = @c' },
  { table: 'axes', where: 'competition_id = @c' },
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
  { table: 'result_snapshots', where: `round_id IN (${ROUNDS})` },
  { table: 'signoffs', where: `snapshot_id IN (SELECT id FROM result_snapshots WHERE round_id IN (${ROUNDS}))` },
];

/** Tables deliberately left out, and why; any other table fails the transfer test until placed. */
export const NOT_EXPORTED: Record<string, string> = {
  users: 'accounts and password hashes stay on their server; the importing organiser runs the copy',
  sessions: 'sign-ins are per server',
  competition_organisers: 'replaced by the importing organiser',
  device_bindings: 'tablets bind again from their invitation links',
  pin_failures: 'belongs to device bindings',
  link_pin_failures: "wrong PINs typed at an invitation link: a guard of the link, not the competition's record",
  events: 'exported as history beside the tables; the importing log records one competition.imported entry',
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

/**
 * Writes an exported competition into this database, ids kept, in one transaction; the importing
 * organiser runs it. A database already holding any of those ids (or tokens) refuses it with 409
 * and keeps nothing.
 */
export function importCompetition(db: Db, doc: CompetitionExport, organiserId: number, now: Date): { competitionId: number; rows: number } {
  checkShape(db, doc);
  return db.transaction(() => {
    let rows = 0;
    try {
      for (const { table } of EXPORTED_TABLES) {
        const exported = doc.tables[table];
        if (!exported || exported.rows.length === 0) continue;
        const insert = db.prepare(
          `INSERT INTO "${table}" (${exported.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${exported.columns.map(() => '?').join(', ')})`,
        );
        for (const row of exported.rows) insert.run(...row);
        rows += exported.rows.length;
      }
      db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)').run(doc.competitionId, organiserId);
    } catch (err) {
      if (err instanceof Error && 'code' in err && String(err.code).startsWith('SQLITE_CONSTRAINT')) {
        throw new AppError(409, 'CONFLICT', `This database already holds part of the competition (${err.message}); import it into an empty database`);
      }
      throw err;
    }
    const head = doc.events.rows.at(-1)?.[doc.events.columns.indexOf('hash')] ?? null;
    appendEvent(db, {
      competitionId: doc.competitionId,
      actor: `user:${organiserId}`,
      type: 'competition.imported',
      payload: { exportedAt: doc.exportedAt, rows, sourceEvents: doc.events.rows.length, sourceHeadHash: head },
      at: now,
    });
    return { competitionId: doc.competitionId, rows };
  })();
}
