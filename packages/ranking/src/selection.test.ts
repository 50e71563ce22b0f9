import fc from 'fast-check';
import { expect, test } from 'vitest';
import { walk, type WalkQuotas } from './selection.js';

function lexBefore(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i]! < b[i]!;
}

/** The feasible set of largest size whose sorted rank vector is lexicographically best. */
function bruteForce(axes: readonly string[], q: WalkQuotas): number[] {
  const n = axes.length;
  let best: number[] | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const set: number[] = [];
    for (let e = 0; e < n; e++) if (mask & (1 << e)) set.push(e);
    if (set.length > q.count) continue;
    const per = new Map<string, number>();
    for (const e of set) per.set(axes[e]!, (per.get(axes[e]!) ?? 0) + 1);
    if ([...per].some(([a, k]) => k > (q.max.get(a) ?? Infinity))) continue;
    if ([...q.min].some(([a, m]) => (per.get(a) ?? 0) < m)) continue;
    if (!best || set.length > best.length || (set.length === best.length && lexBefore(set, best))) best = set;
  }
  return best ?? [];
}

const instance = fc
  .record({
    axes: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 12 }),
    count: fc.integer({ min: 1, max: 6 }),
    min: fc.record({ a: fc.integer({ min: 0, max: 2 }), b: fc.integer({ min: 0, max: 2 }), c: fc.integer({ min: 0, max: 2 }) }),
    extra: fc.record({ a: fc.integer({ min: 0, max: 3 }), b: fc.integer({ min: 0, max: 3 }), c: fc.integer({ min: 0, max: 3 }) }),
    capped: fc.boolean(),
  })
  .filter(({ axes, count, min }) => {
    const have = (a: string) => axes.filter((x) => x === a).length;
    const total = (Object.keys(min) as ('a' | 'b' | 'c')[]).reduce((s, a) => s + min[a], 0);
    return total <= count && (['a', 'b', 'c'] as const).every((a) => have(a) >= min[a]);
  });

test('the quota greedy selects the feasible set with the lexicographically best rank vector (brute force, ≤ 12 entrants)', () => {
  fc.assert(
    fc.property(instance, ({ axes, count, min, extra, capped }) => {
      const q: WalkQuotas = {
        count,
        min: new Map(Object.entries(min)),
        max: capped ? new Map(Object.entries(min).map(([a, m]) => [a, m + extra[a as 'a']])) : new Map(),
      };
      // Entrant e has rank e + 1: one entrant per group, no ties.
      const result = walk(axes.map((_, e) => [e]), (e) => axes[e]!, q);
      expect(result.pending).toBeNull();
      expect([...result.selected].sort((x, y) => x - y)).toEqual(bruteForce(axes, q));
    }),
    { numRuns: 300 },
  );
});

test('a tie that does not change who is selected never asks the chair', () => {
  // Group [1, 2] shares an axis capped at 1 that entrant 0 already filled: both are skipped.
  const axes = ['x', 'x', 'x', 'y'];
  const r = walk([[0], [1, 2], [3]], (e) => axes[e]!, { count: 2, min: new Map(), max: new Map([['x', 1]]) });
  expect(r).toEqual({ selected: [0, 3], skipped: [{ entrant: 1, reason: 'axis-max' }, { entrant: 2, reason: 'axis-max' }], pending: null });
});

test('a tie whose members would exceed an axis cap together stops the walk for the chair', () => {
  const axes = ['x', 'y', 'y', 'z'];
  const r = walk([[0], [1, 2], [3]], (e) => axes[e]!, { count: 3, min: new Map(), max: new Map([['y', 1]]) });
  expect(r).toEqual({ selected: [0], skipped: [], pending: { entrants: [1, 2], seats: 2, open: 1 } });
});
