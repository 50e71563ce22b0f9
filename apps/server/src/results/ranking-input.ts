import type { Db } from '../db/open-db.js';

/** The ranking package's input (RANKING.md "Inputs"), as the server builds it from the database. */
export interface RoundRankingInput {
  criteria: { id: string; weight: number }[];
  scale: { min: number; max: number };
  entrants: { id: string; axis: string }[];
  jurors: string[];
  evaluations: { juror: string; entrant: string; scores: Record<string, number> }[];
  recusals: { juror: string; entrant: string }[];
  method: 'satm' | 'mean' | 'median' | 'zscore';
  trim: 'auto' | 0;
  selection?: { count: number; axisMin?: number; axisMax?: number };
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
 * Reads what the ranking needs for one round: only submitted scorecards (never drafts, never a
 * scorecard withdrawn by a later recusal), the round's entrants with their axis, every juror
 * assigned in the round, and the competition's pre-registered method, trim and selection rules.
 * Ids are the database ids as strings; criteria are identified by their code.
 */
export function roundRankingInput(db: Db, roundId: number, options: { report?: boolean; chairOrder?: string[] } = {}): RoundRankingInput {
  const round = db
    .prepare<[number], RoundRow>(
      `SELECT r.id, r.kind, r.competition_id, c.scale_min, c.scale_max, c.method, c.trim, c.award_count,
              c.award_axis_max, c.shortlist_size, c.shortlist_axis_min, c.shortlist_axis_max
       FROM rounds r JOIN competitions c ON c.id = r.competition_id WHERE r.id = ?`,
    )
    .get(roundId);
  if (!round) throw new Error(`round ${roundId} does not exist`);

  const criteria = db
    .prepare<[number], { code: string; weight: number; id: number }>(
      'SELECT id, code, weight FROM criteria WHERE competition_id = ? ORDER BY position',
    )
    .all(round.competition_id);
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));

  const entrants = db
    .prepare<[number], { id: number; axis: string }>(
      `SELECT e.id, a.code AS axis FROM round_entrants re JOIN entrants e ON e.id = re.entrant_id
       JOIN axes a ON a.id = e.axis_id WHERE re.round_id = ? ORDER BY e.id`,
    )
    .all(roundId);
  const jurors = db
    .prepare<[number], number>('SELECT DISTINCT juror_id FROM assignments WHERE round_id = ? ORDER BY juror_id')
    .pluck()
    .all(roundId);
  const recusals = db
    .prepare<[number, number], { juror_id: number; entrant_id: number }>(
      `SELECT r.juror_id, r.entrant_id FROM recusals r
       JOIN round_entrants re ON re.entrant_id = r.entrant_id AND re.round_id = ?
       WHERE r.competition_id = ? ORDER BY r.juror_id, r.entrant_id`,
    )
    .all(roundId, round.competition_id);
  const recused = new Set(recusals.map((r) => `${r.juror_id}:${r.entrant_id}`));

  const scoreRows = db
    .prepare<[number], { juror_id: number; entrant_id: number; criterion_id: number; value: number }>(
      `SELECT sc.juror_id, sc.entrant_id, s.criterion_id, s.value FROM scorecards sc
       JOIN scores s ON s.scorecard_id = sc.id
       WHERE sc.round_id = ? AND sc.status = 'submitted' ORDER BY sc.juror_id, sc.entrant_id`,
    )
    .all(roundId);
  const byCard = new Map<string, RoundRankingInput['evaluations'][number]>();
  for (const row of scoreRows) {
    const key = `${row.juror_id}:${row.entrant_id}`;
    if (recused.has(key)) continue;
    let card = byCard.get(key);
    if (!card) {
      card = { juror: String(row.juror_id), entrant: String(row.entrant_id), scores: {} };
      byCard.set(key, card);
    }
    card.scores[codeOf.get(row.criterion_id) ?? String(row.criterion_id)] = row.value;
  }

  const selection =
    round.kind === 'shortlist'
      ? {
          count: round.shortlist_size,
          ...(round.shortlist_axis_min > 0 ? { axisMin: round.shortlist_axis_min } : {}),
          ...(round.shortlist_axis_max !== null ? { axisMax: round.shortlist_axis_max } : {}),
        }
      : { count: round.award_count, ...(round.award_axis_max !== null ? { axisMax: round.award_axis_max } : {}) };

  return {
    criteria: criteria.map((c) => ({ id: c.code, weight: c.weight })),
    scale: { min: round.scale_min, max: round.scale_max },
    entrants: entrants.map((e) => ({ id: String(e.id), axis: e.axis })),
    jurors: jurors.map(String),
    evaluations: [...byCard.values()],
    recusals: recusals.map((r) => ({ juror: String(r.juror_id), entrant: String(r.entrant_id) })),
    method: round.method,
    trim: round.trim === '0' ? 0 : 'auto',
    selection,
    ...(options.chairOrder ? { chairOrder: options.chairOrder } : {}),
    ...(options.report ? { report: true } : {}),
  };
}
