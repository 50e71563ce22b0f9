/**
 * One complete run of the official pipeline on a set of scorecards: method, tie-break chain,
 * selection walk. The report re-runs it without a juror and under other methods.
 */
import { components } from './design.js';
import { designOf, runMethod, trimCounts, valuesOf, type Design, type MethodRun } from './methods.js';
import { hasScore, type ScoreSet } from './scores.js';
import { walk, type Walk, type WalkQuotas } from './selection.js';
import { chain, chairRule, countbackRule, criterionRule, headToHeadRule, TotalsIndex, type TieRule } from './ties.js';
import type { Cards, Model } from './model.js';
import type { Method, TieSplit } from './types.js';

/** Everything a run decided. */
export interface Computed {
  readonly design: Design;
  readonly run: MethodRun;
  readonly k: Int32Array;
  /** Tie sets in final order (scored entrants only). */
  readonly order: number[][];
  readonly ties: TieSplit[];
  /** Competition rank per entrant, null when unscored. */
  readonly rank: (number | null)[];
  readonly walk: Walk | null;
  readonly totals: () => TotalsIndex;
  /** The tie-break rules in the order the chain tried them. */
  readonly rules: string[];
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function rulesOf(model: Model, design: Design, method: Method, k: Int32Array, totals: () => TotalsIndex): TieRule[] {
  const byWeight = model.criteria
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.weight - a.c.weight || a.i - b.i);
  const rules: TieRule[] = byWeight.map(({ c, i }) =>
    criterionRule(c.id, lazy((): ScoreSet => runMethod(design, valuesOf(design, i), method, k).scores)),
  );
  rules.push(headToHeadRule(totals), countbackRule(totals));
  if (model.chairOrder) rules.push(chairRule(model.chairOrder, model.entrants));
  return rules;
}

/**
 * Runs the pipeline; null when SATM cannot run because the design is disconnected.
 * @example
 * const c = compute(model, model.cards, 'satm', model.quotas);
 * c?.order; // [[2], [0, 1], …]
 */
export function compute(
  model: Model, cards: Cards, method: Method, quotas: WalkQuotas | null, fixedK?: Int32Array, connected = false,
): Computed | null {
  // `connected`: the caller already knows (validate() checked the official design).
  if (method === 'satm' && !connected && components(cards, model.jurors.length, model.entrants.length).count > 1) return null;
  const design = designOf(model, cards);
  const k = fixedK ?? trimCounts(design, method, model.trim);
  const run = runMethod(design, valuesOf(design, null), method, k);
  const totals = lazy(() => new TotalsIndex(cards, model.jurors.length, model.entrants.length));
  const rules = rulesOf(model, design, method, k, totals);
  const { order, ties } = chain(run.scores, scoredOf(run.scores, design.entrants), rules, model.entrants);
  const rank = ranksOf(order, design.entrants);
  const selection = quotas ? walk(order, (e) => model.axis[e]!, quotas) : null;
  return { design, run, k, order, ties, rank, walk: selection, totals, rules: rules.map((r) => r.name) };
}

// The loops live in small functions of their own: compute() runs once per ranking and is cheap
// to leave unoptimised, while a loop inside it would have it compiled whole, callees inlined.

function scoredOf(scores: ScoreSet, entrants: number): number[] {
  const scored: number[] = [];
  for (let e = 0; e < entrants; e++) if (hasScore(scores, e)) scored.push(e);
  return scored;
}

/** Competition ranks (1, 2, 2, 4) from the tie sets in order; null for unscored entrants. */
function ranksOf(order: readonly (readonly number[])[], entrants: number): (number | null)[] {
  const rank = new Array<number | null>(entrants).fill(null);
  let place = 1;
  for (const set of order) {
    for (const e of set) rank[e] = place;
    place += set.length;
  }
  return rank;
}
