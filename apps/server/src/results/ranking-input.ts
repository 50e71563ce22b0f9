import type { Db } from '../db/open-db.js';
import { rankingQuotas, shortlistQuotas } from './axis-quotas.js';

/** The ranking package's input (packages/ranking/SPEC.md "Inputs"), as the server builds it from the database. */
export interface RoundRankingInput {
  criteria: { id: string; weight: number }[];
  scale: { min: number; max: number };
  entrants: { id: string; axis: string }[];
  jurors: string[];
  evaluations: { juror: string; entrant: string; scores: Record<string, number> }[];
  recusals: { juror: string; entrant: string }[];
  method: 'satm' | 'mean' | 'median' | 'zscore';
  trim: 'auto' | 0;
  /** A quota is one integer for every axis, or a map by axis code once an axis has its own (issue 16 point 6). */
  selection?: { count: number; axisMin?: number | Record<string, number>; axisMax?: number | Record<string, number> };
  chairOrder?: string[];
  report?: boolean;
}

interface RoundRow {
  id: number;
  kind: 'shortlist' | 'final';
  competition_id: number;
  scale_min: number;
  scale_max: number;
  method: RoundRankingInput['method'];
  trim: 'auto' | '0';
  award_count: number;
  award_axis_max: number | null;
  shortlist_size: number;
  shortlist_axis_min: number;
  shortlist_axis_max: number | null;
}

/**
 * The statements of roundRankingInput, prepared once per database. A large round is read in one
 * pass over two covering indexes (migration 0005): SQLite writes each scorecard as the ranking's
 * evaluation, in JSON (its scores keyed by criterion code, in criterion id order), and leaves out
 * scorecards withdrawn by a recusal, and every scorecard of an entrant withdrawn from the competition
 * (decision 024); JavaScript parses one string per scorecard and builds no
 * per-score object or row array.
 */
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    round: db.prepare<[number], RoundRow>(
      `SELECT r.id, r.kind, r.competition_id, c.scale_min, c.scale_max, c.method, c.trim, c.award_count,
              c.award_axis_max, c.shortlist_size, c.shortlist_axis_min, c.shortlist_axis_max
       FROM rounds r JOIN competitions c ON c.id = r.competition_id WHERE r.id = ?`,
    ),
    criteria: db.prepare<[number], [code: string, weight: number]>('SELECT code, weight FROM criteria WHERE competition_id = ? ORDER BY position').raw(),
    entrants: db
      .prepare<[number], [id: number, axis: string]>(
        `SELECT e.id, a.code FROM round_entrants re JOIN entrants e ON e.id = re.entrant_id
         JOIN axes a ON a.id = e.axis_id WHERE re.round_id = ? AND e.withdrawn_at IS NULL ORDER BY e.id`,
      )
      .raw(),
    jurors: db.prepare<[number], number>('SELECT DISTINCT juror_id FROM assignments WHERE round_id = ? ORDER BY juror_id').pluck(),
    recusals: db
      .prepare<{ round: number; competition: number }, [juror: number, entrant: number]>(
        `SELECT r.juror_id, r.entrant_id FROM recusals r
         JOIN round_entrants re ON re.entrant_id = r.entrant_id AND re.round_id = @round
         JOIN entrants e ON e.id = r.entrant_id AND e.withdrawn_at IS NULL
         WHERE r.competition_id = @competition ORDER BY r.juror_id, r.entrant_id`,
      )
      .raw(),
    // A criterion of another competition (only a bug could store one) keeps its id as its key, so
    // the ranking refuses it as unknown instead of it being dropped here.
    evaluations: db
      .prepare<{ round: number; competition: number }, string>(
        `SELECT json_object('juror', CAST(sc.juror_id AS TEXT), 'entrant', CAST(sc.entrant_id AS TEXT),
                            'scores', json_group_object(coalesce(c.code, CAST(s.criterion_id AS TEXT)), s.value))
         FROM scorecards sc
         JOIN scores s ON s.scorecard_id = sc.id
         LEFT JOIN criteria c ON c.id = s.criterion_id AND c.competition_id = @competition
         WHERE sc.round_id = @round AND sc.status = 'submitted'
           AND NOT EXISTS (SELECT 1 FROM entrants w WHERE w.id = sc.entrant_id AND w.withdrawn_at IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM recusals r JOIN round_entrants re ON re.entrant_id = r.entrant_id AND re.round_id = @round
                           WHERE r.juror_id = sc.juror_id AND r.entrant_id = sc.entrant_id AND r.competition_id = @competition)
         GROUP BY sc.juror_id, sc.entrant_id
         ORDER BY sc.juror_id, sc.entrant_id`,
      )
      .pluck(),
  };
}
function statementsFor(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/**
 * Reads what the ranking needs for one round: only submitted scorecards (never drafts, never a
 * scorecard withdrawn by a later recusal), the round's entrants with their axis (a withdrawn
 * entrant is no entrant of the ranking: it, its scorecards, recusals and any chair decision that
 * named it are left out, as if it had never entered; decision 024), every juror
 * assigned in the round, and the competition's pre-registered method, trim and selection rules.
 * Ids are the database ids as strings; criteria are identified by their code.
 */
export function roundRankingInput(
  db: Db,
  roundId: number,
  options: { report?: boolean; chairOrder?: string[] } = {},
): RoundRankingInput & { selection: NonNullable<RoundRankingInput['selection']> } {
  const q = statementsFor(db);
  const round = q.round.get(roundId);
  if (!round) throw new Error(`round ${roundId} does not exist`);
  const ids = { round: roundId, competition: round.competition_id };

  const entrants = q.entrants.all(roundId).map(([id, axis]) => ({ id: String(id), axis }));
  const selection =
    round.kind === 'shortlist'
      ? { count: round.shortlist_size, ...rankingQuotas(shortlistQuotas(db, round.competition_id), entrants.map((e) => e.axis)) }
      : { count: round.award_count, ...(round.award_axis_max !== null ? { axisMax: round.award_axis_max } : {}) };

  const ranked = new Set(entrants.map((e) => e.id));
  const chairOrder = options.chairOrder?.filter((id) => ranked.has(id));
  return {
    criteria: q.criteria.all(round.competition_id).map(([id, weight]) => ({ id, weight })),
    scale: { min: round.scale_min, max: round.scale_max },
    entrants,
    jurors: q.jurors.all(roundId).map(String),
    evaluations: q.evaluations.all(ids).map((json) => JSON.parse(json) as RoundRankingInput['evaluations'][number]),
    recusals: q.recusals.all(ids).map(([juror, entrant]) => ({ juror: String(juror), entrant: String(entrant) })),
    method: round.method,
    trim: round.trim === '0' ? 0 : 'auto',
    selection,
    ...(chairOrder ? { chairOrder } : {}),
    ...(options.report ? { report: true } : {}),
  };
}
