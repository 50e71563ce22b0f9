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
 * The jurors × startups grid of raw totals T(j,e). Disagreement is judged on raw totals (what
 * the jurors actually gave), exactly: a startup whose max − min exceeds the threshold, and each
 * cell further than the threshold from the startup's median.
 */
export function disagreementGrid(input: RoundRankingInput, numberOf: (juror: string) => number): DeliberationGrid {
  const threshold = scaledThreshold(DISAGREEMENT_POINTS_ON_1_TO_10, input.scale);
  const totals = new Map(input.evaluations.map((ev) => [`${ev.juror}:${ev.entrant}`, totalOf(input, ev.scores)]));
  const recused = new Set(input.recusals.map((r) => `${r.juror}:${r.entrant}`));
  const entrants: DeliberationGrid['entrants'] = [];
  const cells: DeliberationGrid['cells'] = [];
  for (const e of input.entrants) {
    const mine = input.jurors.map((j) => totals.get(`${j}:${e.id}`)).filter((t): t is Rational => t !== undefined);
    const sorted = [...mine].sort(cmp);
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
    for (const j of input.jurors) {
      const key = `${j}:${e.id}`;
      const t = totals.get(key);
      cells.push({
        juror: numberOf(j),
        entrantId: Number(e.id),
        status: t ? 'submitted' : recused.has(key) ? 'recused' : 'none',
        total: t ? shown(t) : null,
        farFromMedian: t !== undefined && mid !== null && cmp(abs(sub(t, mid)), threshold) > 0,
      });
    }
  }
  return { threshold: Number(threshold.n) / Number(threshold.d), cells, entrants };
}
