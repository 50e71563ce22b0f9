/**
 * Juror bootstrap: how often each entrant comes first, and is selected, when the jury is redrawn
 * with replacement. Up to 8 jurors every multiset is enumerated with its multinomial weight, so
 * the figures are exact for the model; beyond, 2,000 resamples drawn from the seeded PRNG.
 */
import { floatScores, headGroups, tiedGroups } from '../scores.js';
import { walk, type WalkQuotas } from '../selection.js';
import { seededInts } from './prng.js';
import type { FloatEngine } from './engine.js';

const EXACT_LIMIT = 8;
const RESAMPLES = 2000;

/** Bootstrap figures per entrant index. */
export interface BootstrapFigures {
  readonly exact: boolean;
  readonly resamples: number;
  readonly discarded: number;
  readonly pFirst: Float64Array;
  readonly pSelected: Float64Array;
}

/**
 * Whether walking these groups (ties split as the bootstrap splits them) fills every seat, so
 * that nothing ranked below them can matter.
 * @example
 * fills([[0], [1]], () => 'x', { count: 2, min: new Map(), max: new Map() }); // true
 */
export function fills(groups: readonly (readonly number[])[], axisOf: (e: number) => string, quotas: WalkQuotas): boolean {
  let taken = 0;
  const w = walk(groups, axisOf, quotas, (_eligible, _seats, maximal) => {
    taken += maximal.length;
  });
  return w.selected.length + taken >= quotas.count;
}

/** Calls `visit(multiplicities, probability)` for every multiset of n jurors out of n. */
function enumerate(active: readonly number[], jurors: number, visit: (w: Float64Array, p: number) => void): void {
  const n = active.length;
  const fact = [1];
  for (let i = 1; i <= n; i++) fact.push(fact[i - 1]! * i);
  const w = new Float64Array(jurors);
  const m = new Array<number>(n).fill(0);
  const total = n ** n;
  const place = (i: number, left: number, denom: number): void => {
    if (i === n - 1) {
      m[i] = left;
      active.forEach((j, x) => (w[j] = m[x]!));
      visit(w, fact[n]! / (denom * fact[left]!) / total);
      return;
    }
    for (let c = left; c >= 0; c--) {
      m[i] = c;
      place(i + 1, left - c, denom * fact[c]!);
    }
  };
  place(0, n, 1);
}

/**
 * Runs the bootstrap; `axisOf` and `quotas` re-run the selection in every resample, by score
 * alone (entrants tied on the last seats share them equally).
 * @example
 * bootstrap(engine, active, 8, 12, scored, axisOf, quotas, 1e-9, fingerprint).pFirst; // sums to 1
 */
export function bootstrap(
  engine: FloatEngine, active: readonly number[], jurors: number, entrants: number, scored: readonly number[],
  axisOf: (e: number) => string, quotas: WalkQuotas, tolerance: number, seed: string,
): BootstrapFigures {
  const pFirst = new Float64Array(entrants);
  const pSelected = new Float64Array(entrants);
  let used = 0;
  let discarded = 0;
  let mass = 0;
  const visit = (w: Float64Array, p: number): void => {
    const s = engine.covers(w, scored) ? engine.scores(w) : null;
    if (!s || scored.some((e) => Number.isNaN(s[e]!))) {
      discarded++;
      return;
    }
    used++;
    mass += p;
    const ranked = floatScores(s, tolerance);
    const first = (): number[][] => {
      // Usually the head of the order decides everything; the full order is the fallback.
      const head = headGroups(ranked, scored, 4 * quotas.count + 32);
      if (head.complete || fills(head.groups, axisOf, quotas)) return head.groups;
      return tiedGroups(ranked, scored);
    };
    const groups = first();
    for (const e of groups[0]!) pFirst[e]! += p / groups[0]!.length;
    const result = walk(groups, axisOf, quotas, (eligible, _seats, maximal) => {
      for (const e of eligible) pSelected[e]! += (p * maximal.length) / eligible.length;
    });
    for (const e of result.selected) pSelected[e]! += p;
  };
  const exact = active.length <= EXACT_LIMIT;
  if (exact) enumerate(active, jurors, visit);
  else {
    const draw = seededInts(seed);
    const w = new Float64Array(jurors);
    for (let r = 0; r < RESAMPLES; r++) {
      w.fill(0);
      for (let x = 0; x < active.length; x++) w[active[draw(active.length)]!]!++;
      visit(w, 1);
    }
  }
  if (mass > 0) {
    for (let e = 0; e < entrants; e++) {
      pFirst[e] = pFirst[e]! / mass;
      pSelected[e] = pSelected[e]! / mass;
    }
  }
  return { exact, resamples: used, discarded, pFirst, pSelected };
}
