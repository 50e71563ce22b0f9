import { ratio, type RankResult, type Rational } from '@palmares/ranking';
import { cmp, readNumber, sub } from './numbers.js';
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

/** T(j,e), exactly, for one scorecard. */
export function totalOf(input: Pick<RoundRankingInput, 'criteria'>, scores: Record<string, number>): Rational {
  let sum = 0n;
  let weights = 0n;
  for (const c of input.criteria) {
    sum += BigInt(c.weight) * BigInt(scores[c.id] ?? 0);
    weights += BigInt(c.weight);
  }
  return ratio(sum, weights);
}

/**
 * Rebuilds what the ranking package does not return per scorecard (RANKING.md, SATM steps 1–4):
 * u = T − b_j from the result's offsets, and which k_e highest and lowest were dropped, k_e being
 * half the row's `trimmed`. Nothing is re-ranked: the offsets and trim counts are the result's.
 * Of two equal corrected scores the one of the lower juror id is marked (which one goes does not
 * change the mean).
 */
export function correctedScorecards(input: RoundRankingInput, result: RankResult): CorrectedCard[] {
  const offsets = new Map(Object.entries(result.offsets).map(([j, b]) => [j, readNumber(b)]));
  const useOffsets = result.method === 'satm';
  const cards: CorrectedCard[] = input.evaluations.map((ev) => {
    const total = totalOf(input, ev.scores);
    const b = useOffsets ? offsets.get(ev.juror) : undefined;
    return { juror: ev.juror, entrant: ev.entrant, total, corrected: b ? sub(total, b) : total, trimmed: null };
  });
  const trimCount = new Map(result.ranking.map((r) => [r.entrant, r.trimmed / 2]));
  const byEntrant = new Map<string, CorrectedCard[]>();
  for (const c of cards) {
    const list = byEntrant.get(c.entrant);
    if (list) list.push(c);
    else byEntrant.set(c.entrant, [c]);
  }
  for (const [entrant, list] of byEntrant) {
    const k = trimCount.get(entrant) ?? 0;
    if (k === 0) continue;
    const sorted = [...list].sort((a, b) => cmp(a.corrected, b.corrected) || Number(a.juror) - Number(b.juror));
    sorted.slice(0, k).forEach((c) => (c.trimmed = 'low'));
    sorted.slice(sorted.length - k).forEach((c) => (c.trimmed = 'high'));
  }
  return cards;
}
