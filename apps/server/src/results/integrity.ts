import { INTEGRITY_CELLS_SHOWN, type IntegrityCell, type ResultsIntegrity } from '@palmares/contract';
import type { Db } from '../db/open-db.js';
import { AppError } from '../lib/errors.js';
import { jurorNumbers } from './juror-numbers.js';
import { roundRankingInput, type RoundRankingInput } from './ranking-input.js';
import { loggedEvaluations, scoreLog } from './score-log.js';

/** A differing cell with the juror's database id, for the screens that name jurors (the CSV). */
export interface StoredCell extends IntegrityCell {
  jurorId: string;
}

/**
 * Every score where the round's stored scorecards (the ranking's input, as read for this very
 * result) and the event log's replay disagree, in juror, startup, criterion order. A scorecard on
 * one side only gives one cell per criterion with `null` on the other.
 */
export function differingCells(db: Db, round: { id: number; competition_id: number }, input: Pick<RoundRankingInput, 'jurors' | 'evaluations' | 'criteria'>, options: { fresh?: boolean } = {}): StoredCell[] {
  const logged = loggedEvaluations(scoreLog(db, options), round);
  const stored = new Map(input.evaluations.map((e) => [`${e.juror}:${e.entrant}`, e.scores]));
  const numberOf = jurorNumbers(round.id, input.jurors);
  const inRound = new Set(input.jurors);
  const order = new Map(input.criteria.map((c, i) => [c.id, i]));
  const cells: StoredCell[] = [];
  for (const key of new Set([...stored.keys(), ...logged.keys()])) {
    const mine = stored.get(key) ?? {};
    const theirs = logged.get(key) ?? {};
    if (stored.has(key) && logged.has(key) && sameScores(mine, theirs)) continue;
    const [jurorId = '', entrant = ''] = key.split(':');
    for (const criterion of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const s = mine[criterion] ?? null;
      const l = theirs[criterion] ?? null;
      if (s !== l) cells.push({ jurorId, juror: inRound.has(jurorId) ? numberOf(jurorId) : null, entrantId: Number(entrant), criterion, stored: s, logged: l });
    }
  }
  return cells.sort(
    (a, b) => (a.juror ?? Infinity) - (b.juror ?? Infinity) || a.entrantId - b.entrantId || (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0),
  );
}

function sameScores(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The integrity answer the screens read: the first cells, without the jurors' database ids. */
export function integrityView(cells: StoredCell[]): ResultsIntegrity {
  return {
    ok: cells.length === 0,
    total: cells.length,
    cells: cells.slice(0, INTEGRITY_CELLS_SHOWN).map(({ jurorId: _, ...cell }) => cell),
  };
}

/** The round's integrity, reading its stored scorecards afresh. */
export function roundIntegrity(db: Db, round: { id: number; competition_id: number }, options: { fresh?: boolean } = {}): ResultsIntegrity {
  return integrityView(differingCells(db, round, roundRankingInput(db, round.id), options));
}

/**
 * Refuses (409) to freeze, sign or publish results whose stored scores the event log does not
 * give: whoever edited them bypassed the application, and a signature would vouch for them.
 */
export function assertScoresMatchLog(db: Db, round: { id: number; competition_id: number }): void {
  const integrity = roundIntegrity(db, round);
  if (integrity.ok) return;
  throw new AppError(409, 'CONFLICT', `${integrity.total} stored score(s) differ from the event log; the results cannot be signed or published`, [
    { path: 'roundId', rule: 'scores-differ-from-log', message: `${integrity.total} stored score(s) differ from the event log`, params: { count: integrity.total } },
  ]);
}
