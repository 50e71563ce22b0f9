/**
 * A column of entrant scores in one of two arithmetics: exact rationals (the official result) or
 * float64 with a tie tolerance (z-scores, and offsets solved by ALS beyond one event).
 */
import { compareRational, formatRational, rationalToNumber, type Rational } from './rational.js';

/** Entrant scores; `approx` is NaN for an unscored entrant. */
export interface ScoreSet {
  readonly exact: (Rational | null)[] | null;
  readonly approx: Float64Array;
  /** Two float scores closer than this are tied (0 when exact). */
  readonly tolerance: number;
}

/**
 * Wraps exact scores.
 * @example
 * exactScores([ratio(103n, 15n), null]).approx; // Float64Array [6.866…, NaN]
 */
export function exactScores(values: (Rational | null)[]): ScoreSet {
  return {
    exact: values,
    approx: Float64Array.from(values, (r) => (r ? rationalToNumber(r) : Number.NaN)),
    tolerance: 0,
  };
}

/**
 * Wraps float scores compared within `tolerance`.
 * @example
 * floatScores(Float64Array.of(1, 1 + 1e-12), 1e-9); // entrants 0 and 1 tie
 */
export function floatScores(values: Float64Array, tolerance: number): ScoreSet {
  return { exact: null, approx: values, tolerance };
}

/**
 * Whether entrant `e` has a score.
 * @example
 * hasScore(exactScores([null]), 0); // false
 */
export function hasScore(s: ScoreSet, e: number): boolean {
  return !Number.isNaN(s.approx[e]!);
}

/**
 * Strict total order for sorting, best first (negative when `a` ranks before `b`); float scores
 * compare raw, ties within tolerance are found afterwards by {@link sameScore} on neighbours.
 * @example
 * [0, 1].sort((a, b) => orderScores(s, a, b));
 */
export function orderScores(s: ScoreSet, a: number, b: number): number {
  if (s.exact) return compareRational(s.exact[b]!, s.exact[a]!);
  return s.approx[b]! - s.approx[a]!;
}

/**
 * Whether two scores are tied: exactly equal, or within the tolerance in float64.
 * @example
 * sameScore(exactScores([ratio(1n, 3n), ratio(2n, 6n)]), 0, 1); // true
 */
export function sameScore(s: ScoreSet, a: number, b: number): boolean {
  if (s.exact) return compareRational(s.exact[a]!, s.exact[b]!) === 0;
  return Math.abs(s.approx[a]! - s.approx[b]!) <= s.tolerance;
}

/**
 * Writes a float the way the float64 result does: a plain decimal with at most 10 places.
 * @example
 * formatFloat(6.866666666666667); // "6.8666666667"
 */
export function formatFloat(x: number): string {
  // toFixed(10) always writes a point: trailing zeros go, then the point if nothing follows it
  // (what /\.?0+$/ removes, without a regular expression per score).
  const fixed = x.toFixed(10);
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--;
  if (fixed.charCodeAt(end - 1) === 46) end--;
  const text = fixed.slice(0, end);
  return text === '-0' ? '0' : text;
}

/**
 * The score of entrant `e` as result text: an exact fraction or a decimal.
 * @example
 * scoreText(exactScores([ratio(103n, 15n)]), 0); // "103/15"
 */
export function scoreText(s: ScoreSet, e: number): string | null {
  if (!hasScore(s, e)) return null;
  return s.exact ? formatRational(s.exact[e]!) : formatFloat(s.approx[e]!);
}

/**
 * Sorts members best first and cuts them into maximal tied groups (neighbours tied).
 * @example
 * tiedGroups(s, [0, 1, 2]); // [[1], [0, 2]] when 1 is best and 0, 2 tie
 */
export function tiedGroups(s: ScoreSet, members: readonly number[]): number[][] {
  const approx = s.approx;
  const sorted = s.exact
    ? [...members].sort((a, b) => orderScores(s, a, b) || a - b)
    : // A sign, not a difference: a float returned to sort() would be boxed, 130,000 times.
      [...members].sort((a, b) => (approx[b]! > approx[a]! ? 1 : approx[b]! < approx[a]! ? -1 : a - b));
  const groups: number[][] = [];
  for (const e of sorted) {
    const last = groups[groups.length - 1];
    if (last && sameScore(s, last[last.length - 1]!, e)) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

/**
 * The best tied groups only, for re-runs that need just the head of the order (the bootstrap
 * walks 2,000 resamples of 10,000 entrants): a native numeric sort finds the score of the
 * `needed`-th best, only the members at or above it are ordered, and the last group, which a cut
 * may have split, is dropped. `complete` says whether the groups cover every member.
 * @example
 * headGroups(s, members, 40); // { groups: [[17], [3, 8], …], complete: false }
 */
export function headGroups(s: ScoreSet, members: readonly number[], needed: number): { groups: number[][]; complete: boolean } {
  if (s.exact || members.length <= needed * 2) return { groups: tiedGroups(s, members), complete: true };
  const values = new Float64Array(members.length);
  members.forEach((e, i) => (values[i] = s.approx[e]!));
  values.sort();
  const threshold = values[values.length - needed]! - s.tolerance;
  const groups = tiedGroups(s, members.filter((e) => s.approx[e]! >= threshold));
  groups.pop();
  return { groups, complete: false };
}
