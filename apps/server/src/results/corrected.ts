import { scorecardTotal, type RankDetail, type Rational } from '@palmares/ranking';
import { readNumber } from './numbers.js';
import type { RoundRankingInput } from './ranking-input.js';

/** One scorecard as the deliberation shows it: its total, its corrected score, and whether it was trimmed. */
export interface CorrectedCard {
  juror: string;
  entrant: string;
  /** T(j,e) = Σ w·s / Σ w. */
  total: Rational;
  /** u(j,e) = T(j,e) − b_j under SATM; the total itself under the other methods. */
  corrected: Rational;
  trimmed: 'high' | 'low' | null;
}

/**
 * T(j,e), exactly, for one scorecard (the ranking's own formula).
 * @example totalOf(input, { innovation: 8, impact: 7 });
 */
export function totalOf(input: Pick<RoundRankingInput, 'criteria'>, scores: Record<string, number>): Rational {
  return scorecardTotal(input.criteria, scores);
}

/**
 * The ranking's per-scorecard figures (rankDetailed), in the order of `input.evaluations`, so a
 * reader can put each beside the scores it came from. Nothing is recomputed here (decision 015).
 */
export function correctedScorecards(input: RoundRankingInput, detail: RankDetail): CorrectedCard[] {
  const byKey = new Map(detail.scorecards.map((c) => [`${c.juror}\u0000${c.entrant}`, c]));
  return input.evaluations.map((ev) => {
    const c = byKey.get(`${ev.juror}\u0000${ev.entrant}`);
    if (!c) throw new Error(`the ranking returned no scorecard for juror ${ev.juror}, entrant ${ev.entrant}`);
    return { juror: c.juror, entrant: c.entrant, total: readNumber(c.total), corrected: readNumber(c.corrected), trimmed: c.trimmed };
  });
}
