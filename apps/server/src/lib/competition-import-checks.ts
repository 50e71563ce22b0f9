import type { CompetitionExport, ErrorDetail } from '@palmares/contract';
import type { Db } from '../db/open-db.js';
import { entryHash, GENESIS_HASH, type EventRow } from './event-log.js';

/**
 * The checks an imported competition passes before any row is written (issue 17 point 1,
 * decision 018). An import writes only its own competition: every key of every row leads to a
 * row of the same document. And the rows that carry the jury's authority (score corrections,
 * chair decisions) exist only through their log entries: the document's log must verify entry by
 * entry and replay to exactly those rows, no more, no fewer.
 */

type Row = CompetitionExport['tables'][string]['rows'][number];
const detail = (path: string, rule: string, message: string): ErrorDetail => ({ path, rule, message });

/** The rows of one table as objects, by column name. */
export function rowsOf(doc: CompetitionExport, table: string): Record<string, Row[number]>[] {
  const t = doc.tables[table];
  if (!t) return [];
  return t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c, row[i] ?? null])));
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

/**
 * Every foreign key of every exported table (read from the schema, so a column added later is
 * checked too) must name a row of the document itself, never one already on this server.
 */
export function checkKeysStayInside(db: Db, doc: CompetitionExport, tables: string[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const inDoc = new Map<string, Set<unknown>>();
  const valuesOf = (table: string, column: string) => {
    const key = `${table}.${column}`;
    let set = inDoc.get(key);
    if (!set) {
      set = new Set(rowsOf(doc, table).map((r) => r[column]));
      inDoc.set(key, set);
    }
    return set;
  };
  for (const table of tables) {
    const exported = doc.tables[table];
    if (!exported) continue;
    const keys = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as ForeignKey[];
    for (const fk of keys) {
      const column = exported.columns.indexOf(fk.from);
      if (column < 0) {
        if (exported.rows.length > 0) details.push(detail(`tables.${table}.columns`, 'missing_column', `${table} needs its ${fk.from} column`));
        continue;
      }
      if (!tables.includes(fk.table)) {
        details.push(detail(`tables.${table}.columns`, 'outside-competition', `${table}.${fk.from} refers to ${fk.table}, which no competition holds`));
        continue;
      }
      const allowed = valuesOf(fk.table, fk.to ?? 'id');
      exported.rows.forEach((row, i) => {
        const value = row[column];
        if (value !== null && value !== undefined && !allowed.has(value)) {
          details.push(detail(`tables.${table}.rows.${i}.${fk.from}`, 'outside-competition', `${table}.${fk.from} = ${String(value)} is not a ${fk.table} row of this document`));
        }
      });
    }
  }
  const chairs = rowsOf(doc, 'jurors').filter((j) => j['is_chair'] === 1).length;
  if (chairs > 1) details.push(detail('tables.jurors', 'one-chair', `A competition has one jury chair; this document names ${chairs}`));
  return details.slice(0, 50);
}

const EVENT_COLUMNS = ['seq', 'competition_id', 'at', 'actor', 'type', 'payload', 'prev_hash', 'hash'] as const;

/** The document's log entries, each recomputed from its own fields. */
function checkedEvents(doc: CompetitionExport, details: ErrorDetail[]): EventRow[] {
  const { columns, rows } = doc.events;
  const missing = EVENT_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    details.push(detail('events.columns', 'missing_column', `The log lacks ${missing.join(', ')}`));
    return [];
  }
  const events = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])) as unknown as EventRow);
  let previous: EventRow | undefined;
  events.forEach((e, i) => {
    const at = `events.rows.${i}`;
    if (e.competition_id !== doc.competitionId) details.push(detail(at, 'other-competition', `Entry ${e.seq} belongs to competition ${String(e.competition_id)}`));
    if (typeof e.seq !== 'number' || (previous && e.seq <= previous.seq)) details.push(detail(at, 'log-order', `Entry ${String(e.seq)} is out of order`));
    else if (e.competition_seq != null) {
      // Since decision 031 the export holds the competition's whole chain: every entry follows the
      // one before it in the document, from the first.
      const place = i + 1;
      const prevHash = previous?.hash ?? GENESIS_HASH;
      if (e.competition_seq !== place || e.prev_hash !== prevHash) details.push(detail(at, 'log-broken', `Entry ${e.seq} does not follow the entry before it`));
    }
    // Entries written before decision 031 are one competition's part of a shared chain: consecutive ones are linked.
    else if (previous && e.seq === previous.seq + 1 && e.prev_hash !== previous.hash) details.push(detail(at, 'log-broken', `Entry ${e.seq} does not follow entry ${previous.seq}`));
    if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) details.push(detail(at, 'log-time', `Entry ${String(e.seq)} has no valid time`));
    else if (entryHash(e) !== e.hash) details.push(detail(at, 'log-broken', `Entry ${String(e.seq)} does not match its hash`));
    previous = e;
  });
  return events;
}

const parse = (text: unknown): Record<string, unknown> => {
  try {
    const value = JSON.parse(String(text)) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/**
 * The log verifies and replays to exactly the imported corrections and chair decisions: each row
 * has its entry saying the same thing by the same actor, and each entry has its row. A
 * correction's author must be the document's chair. Returns the checked entries.
 */
export function checkLogReplays(doc: CompetitionExport): { details: ErrorDetail[]; events: EventRow[] } {
  const details: ErrorDetail[] = [];
  const events = checkedEvents(doc, details);
  if (details.length > 0) return { details: details.slice(0, 50), events };

  const jurors = new Map(rowsOf(doc, 'jurors').map((j) => [j['id'], j]));
  const criteria = new Map(rowsOf(doc, 'criteria').map((c) => [c['id'], c['code']]));
  const cards = new Map(rowsOf(doc, 'scorecards').map((s) => [s['id'], s]));

  const entries = (type: string, idKey: string) => {
    const byId = new Map<unknown, { event: EventRow; payload: Record<string, unknown> }[]>();
    for (const event of events.filter((e) => e.type === type)) {
      const payload = parse(event.payload);
      byId.set(payload[idKey], [...(byId.get(payload[idKey]) ?? []), { event, payload }]);
    }
    return byId;
  };

  const corrections = entries('score.corrected', 'correctionId');
  rowsOf(doc, 'score_corrections').forEach((row, i) => {
    const at = `tables.score_corrections.rows.${i}`;
    const found = corrections.get(row['id']) ?? [];
    corrections.delete(row['id']);
    const card = cards.get(row['scorecard_id']);
    const chair = jurors.get(row['chair_juror_id']);
    const entry = found[0];
    const same =
      found.length === 1 &&
      entry !== undefined &&
      card !== undefined &&
      entry.event.actor === `juror:${String(row['chair_juror_id'])}` &&
      entry.payload['entrantId'] === card['entrant_id'] &&
      entry.payload['jurorId'] === card['juror_id'] &&
      entry.payload['criterion'] === criteria.get(row['criterion_id']) &&
      entry.payload['oldValue'] === row['old_value'] &&
      entry.payload['newValue'] === row['new_value'] &&
      entry.payload['reason'] === row['reason'];
    if (!same) details.push(detail(at, 'not-in-log', `Correction ${String(row['id'])} has no log entry saying the same`));
    else if (chair?.['is_chair'] !== 1) details.push(detail(at, 'not-the-chair', `Correction ${String(row['id'])} was not made by the competition's chair`));
  });
  for (const [id] of corrections) details.push(detail('events', 'row-missing', `The log corrects a score (correction ${String(id)}) that the document does not hold`));

  const decisions = entries('chair.decision', 'decisionId');
  rowsOf(doc, 'chair_decisions').forEach((row, i) => {
    const found = decisions.get(row['id']) ?? [];
    decisions.delete(row['id']);
    const entry = found[0];
    const same =
      found.length === 1 &&
      entry !== undefined &&
      entry.event.actor === row['decided_by'] &&
      JSON.stringify(entry.payload['entrantIds']) === JSON.stringify(parse(`{"o":${String(row['entrant_order'])}}`)['o']) &&
      entry.payload['reason'] === row['reason'] &&
      entry.payload['roundId'] === row['round_id'];
    if (!same) details.push(detail(`tables.chair_decisions.rows.${i}`, 'not-in-log', `Chair decision ${String(row['id'])} has no log entry saying the same`));
  });
  for (const [id] of decisions) details.push(detail('events', 'row-missing', `The log records a chair decision (${String(id)}) that the document does not hold`));

  return { details: details.slice(0, 50), events };
}
