import type { DeliberationGrid } from '@palmares/contract';
import { abs, cmp, median, shown, sub } from './numbers.js';
import { ratio, type Rational } from '@palmares/ranking';
import { totalOf } from './corrected.js';
import type { RoundRankingInput } from './ranking-input.js';

/** "More than 3 points" is meant on the default 1–10 scale (range 9); other scales scale it. */
export const DISAGREEMENT_POINTS_ON_1_TO_10 = 3;

export const scaledThreshold = (points: number, scale: { min: number; max: number }): Rational =>
  ratio(BigInt(Math.round(points * 1000)) * BigInt(scale.max - scale.min), 9000n);

/**
 * The jurors × startups grid of raw totals T(j,e), sparse: a cell per scorecard or recusal. Disagreement is judged on raw totals (what
 * the jurors actually gave), exactly: a startup whose max − min exceeds the threshold, and each
 * cell further than the threshold from the startup's median.
 */
export function disagreementGrid(input: RoundRankingInput, numberOf: (juror: string) => number): DeliberationGrid {
  const threshold = scaledThreshold(DISAGREEMENT_POINTS_ON_1_TO_10, input.scale);
  // Per entrant, each juror's total and the jurors recused: the grid has a cell per juror and
  // entrant (10,000 × 1,000 in a large round), so a cell costs a lookup, not a key built.
  const totals = new Map<string, Map<string, Rational>>();
  for (const ev of input.evaluations) {
    let mine = totals.get(ev.entrant);
    if (!mine) totals.set(ev.entrant, (mine = new Map()));
    mine.set(ev.juror, totalOf(input, ev.scores));
  }
  const recused = new Map<string, Set<string>>();
  for (const r of input.recusals) recused.set(r.entrant, (recused.get(r.entrant) ?? new Set()).add(r.juror));
  const numbers = input.jurors.map(numberOf);
  const entrants: DeliberationGrid['entrants'] = [];
  const cells: DeliberationGrid['cells'] = [];
  for (const e of input.entrants) {
    const mine = totals.get(e.id);
    const notMine = recused.get(e.id);
    const sorted = input.jurors.map((j) => mine?.get(j)).filter((t): t is Rational => t !== undefined).sort(cmp);
    const mid = sorted.length ? median(sorted) : null;
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    entrants.push({
      entrantId: Number(e.id),
      min: lo ? shown(lo) : null,
      median: mid ? shown(mid) : null,
      max: hi ? shown(hi) : null,
      disagreement: lo !== undefined && hi !== undefined && cmp(sub(hi, lo), threshold) > 0,
    });
    const entrantId = Number(e.id);
    input.jurors.forEach((j, i) => {
      const t = mine?.get(j);
      // Only the pairs with a scorecard or a recusal: a round of 10,000 startups and 1,000 jurors
      // has 10 M pairs and some 50,000 scorecards. A pair left out is `none`.
      if (t === undefined && !notMine?.has(j)) return;
      cells.push({
        juror: numbers[i]!,
        entrantId,
        status: t ? 'submitted' : 'recused',
        total: t ? shown(t) : null,
        farFromMedian: t !== undefined && mid !== null && cmp(abs(sub(t, mid)), threshold) > 0,
      });
    });
  }
  return { threshold: Number(threshold.n) / Number(threshold.d), cells, entrants };
}
