/** fast-check generators of valid competitions, for the property tests. */
import fc from 'fast-check';
import type { Evaluation, RankingInput } from '../types.js';

/** Options for {@link competitionArb}. */
export interface ArbOptions {
  maxEntrants?: number;
  maxJurors?: number;
  complete?: boolean;
  scale?: { min: number; max: number };
  /** Scores are drawn within [min + margin, max − margin] so that shifts stay in the scale. */
  margin?: number;
}

/**
 * Random valid competitions: juror J0 scores everyone (so the design is connected and every
 * entrant scored), the others score each entrant with probability ~3/4.
 * @example
 * fc.assert(fc.property(competitionArb(), (input) => rank(input).ok));
 */
export function competitionArb(o: ArbOptions = {}): fc.Arbitrary<RankingInput> {
  const scale = o.scale ?? { min: 1, max: 10 };
  const margin = o.margin ?? 0;
  return fc
    .record({
      weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
      entrants: fc.integer({ min: 2, max: o.maxEntrants ?? 6 }),
      jurors: fc.integer({ min: 1, max: o.maxJurors ?? 5 }),
      axes: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 12, maxLength: 12 }),
      present: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 100, maxLength: 100 }),
      scores: fc.array(fc.integer({ min: scale.min + margin, max: scale.max - margin }), { minLength: 300, maxLength: 300 }),
      trim: fc.constantFrom<'auto' | 0>('auto', 0),
    })
    .map((r) => {
      const criteria = r.weights.map((weight, i) => ({ id: `c${i}`, weight }));
      const entrants = Array.from({ length: r.entrants }, (_, e) => ({ id: `E${e}`, axis: r.axes[e]! }));
      const jurors = Array.from({ length: r.jurors }, (_, j) => `J${j}`);
      const evaluations: Evaluation[] = [];
      let s = 0;
      jurors.forEach((juror, j) => {
        entrants.forEach((entrant, e) => {
          if (j > 0 && !o.complete && r.present[(j * 12 + e) % 100] === 0) return;
          const scores = Object.fromEntries(criteria.map((c) => [c.id, r.scores[s++ % 300]!]));
          evaluations.push({ juror, entrant: entrant.id, scores });
        });
      });
      return { criteria, scale, entrants, jurors, evaluations, trim: r.trim };
    });
}

/**
 * Shuffles an array by random sort keys (a permutation fast-check can shrink).
 * @example
 * permute(['a', 'b', 'c'], [0.3, 0.1, 0.2]); // ['b', 'c', 'a']
 */
export function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, k: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || b.i - a.i)
    .map((x) => x.item);
}
