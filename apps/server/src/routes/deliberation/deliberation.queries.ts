import { TranslatedSchema, type DeliberationCorrection } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';
import { parseJsonColumn } from '../../lib/json-column.js';

export interface RoundRow {
  id: number;
  competition_id: number;
  kind: 'shortlist' | 'final';
  state: 'draft' | 'open' | 'closed' | 'confirmed';
}

/** What the deliberation reads besides the ranking: names, labels, and the chair's corrections. */
export function deliberationQueries(db: Db) {
  const round = db.prepare<[number], RoundRow>('SELECT id, competition_id, kind, state FROM rounds WHERE id = ?');
  const criteria = db.prepare<[number], { code: string; weight: number; labels: string }>(
    'SELECT code, weight, labels FROM criteria WHERE competition_id = ? ORDER BY position',
  );
  const entrants = db.prepare<[number], { id: number; name: string; axis: string }>(
    'SELECT e.id, e.name, a.code AS axis FROM entrants e JOIN axes a ON a.id = e.axis_id WHERE e.competition_id = ?',
  );
  const jurors = db.prepare<[number], { id: number; name: string; is_chair: number }>('SELECT id, name, is_chair FROM jurors WHERE competition_id = ?');
  const corrections = db.prepare<
    [number],
    {
      id: number; entrant_id: number; juror_id: number; juror_number: number | null; juror_name: string | null;
      code: string; old_value: number; new_value: number; reason: string; created_at: string;
    }
  >(
    `SELECT k.id, sc.entrant_id, sc.juror_id, k.juror_number, k.juror_name, c.code, k.old_value, k.new_value, k.reason, k.created_at
     FROM score_corrections k JOIN scorecards sc ON sc.id = k.scorecard_id JOIN criteria c ON c.id = k.criterion_id
     WHERE sc.round_id = ? ORDER BY k.id`,
  );
  return {
    round: (id: number) => round.get(id),
    criteria: (competitionId: number) =>
      criteria.all(competitionId).map((c) => ({ code: c.code, weight: c.weight, labels: parseJsonColumn(TranslatedSchema, c.labels) })),
    entrants: (competitionId: number) => new Map(entrants.all(competitionId).map((e) => [String(e.id), e])),
    jurors: (competitionId: number) => new Map(jurors.all(competitionId).map((j) => [String(j.id), j])),
    /** As recorded: the label and name kept with the correction (older ones: the label computed now). */
    corrections: (roundId: number, numberOf: (juror: string) => number, reveal: boolean): DeliberationCorrection[] =>
      corrections.all(roundId).map((k) => ({
        id: k.id,
        entrantId: k.entrant_id,
        juror: k.juror_number ?? numberOf(String(k.juror_id)),
        jurorName: reveal ? k.juror_name : null,
        criterion: k.code,
        oldValue: k.old_value,
        newValue: k.new_value,
        reason: k.reason,
        createdAt: k.created_at,
      })),
  };
}
