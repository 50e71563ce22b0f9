import { describe, expect, test } from 'vitest';
import { AssignmentInfeasible, allPairs, balancedPairs, isConnected, pairKey, panels, type Design, type Pair } from './assignments.js';

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

/** A small deterministic PRNG, so the conflict patterns are varied but reproducible. */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function checkBalanced(d: Design, k: number, pairs: Pair[]) {
  const keys = pairs.map((p) => pairKey(p.jurorId, p.entrantId));
  expect(new Set(keys).size).toBe(keys.length);
  for (const key of keys) expect(d.conflicts.has(key)).toBe(false);
  for (const e of d.entrants) expect(pairs.filter((p) => p.entrantId === e).length).toBeGreaterThanOrEqual(k);
  expect(isConnected(pairs)).toBe(true);
}

describe('juror assignments', () => {
  test('everyone-to-everyone leaves out exactly the declared conflicts', () => {
    const d: Design = { jurors: [1, 2, 3], entrants: [10, 11], conflicts: new Set([pairKey(2, 11)]) };
    expect(allPairs(d).map((p) => pairKey(p.jurorId, p.entrantId))).toEqual(['1:10', '2:10', '3:10', '1:11', '3:11']);
  });

  test('panels finds the groups of jurors and entrants that never met', () => {
    const pairs = [{ jurorId: 1, entrantId: 10 }, { jurorId: 2, entrantId: 11 }, { jurorId: 1, entrantId: 12 }];
    expect(panels(pairs).map((p) => p.entrants.sort())).toEqual([[10, 12], [11]]);
    expect(isConnected(pairs)).toBe(false);
  });

  test.each([1, 2, 3, 4])('balanced with k = %i and no conflicts: k jurors each, loads within one, connected', (k) => {
    const d: Design = { jurors: range(6), entrants: range(24, 100), conflicts: new Set() };
    const { pairs, repairs } = balancedPairs(d, k, 'seed');
    checkBalanced(d, k, pairs);
    const loads = d.jurors.map((j) => pairs.filter((p) => p.jurorId === j).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1 + repairs);
    if (k >= 2) expect(repairs).toBe(0);
  });

  test('balanced with k = 1 joins the one-juror panels with the fewest extra pairs', () => {
    const d: Design = { jurors: range(4), entrants: range(12, 100), conflicts: new Set() };
    const { pairs, repairs } = balancedPairs(d, 1, 'seed');
    checkBalanced(d, 1, pairs);
    expect(repairs).toBe(3);
    expect(pairs).toHaveLength(15);
  });

  test('balanced honours conflicts and stays connected over many random conflict patterns', () => {
    const rand = prng(42);
    for (let trial = 0; trial < 200; trial++) {
      const jurors = range(3 + Math.floor(rand() * 6));
      const entrants = range(4 + Math.floor(rand() * 21), 100);
      const k = 1 + Math.floor(rand() * Math.min(3, jurors.length - 1));
      const conflicts = new Set<string>();
      for (const j of jurors) for (const e of entrants) if (rand() < 0.12) conflicts.add(pairKey(j, e));
      const d: Design = { jurors, entrants, conflicts };
      try {
        checkBalanced(d, k, balancedPairs(d, k, `t${trial}`).pairs);
      } catch (err) {
        if (!(err instanceof AssignmentInfeasible)) throw err;
        // Refused only when some entrant really has fewer than k jurors without a conflict.
        expect(entrants.some((e) => jurors.filter((j) => !conflicts.has(pairKey(j, e))).length < k)).toBe(true);
      }
    }
  });

  test('balanced refuses, naming the entrant, when conflicts leave fewer than k jurors', () => {
    const d: Design = { jurors: [1, 2, 3], entrants: [10, 11], conflicts: new Set([pairKey(1, 11), pairKey(2, 11)]) };
    expect(() => balancedPairs(d, 2, 's')).toThrowError(AssignmentInfeasible);
    try {
      balancedPairs(d, 2, 's');
    } catch (err) {
      expect((err as AssignmentInfeasible).problems).toEqual([{ entrantId: 11, message: 'only 1 juror(s) without a conflict' }]);
    }
  });

  test('balanced refuses when the conflicts split the jury into panels that can never meet', () => {
    // Jurors 1–2 may only score 10–11, jurors 3–4 only 12–13.
    const conflicts = new Set([1, 2].flatMap((j) => [12, 13].map((e) => pairKey(j, e))).concat([3, 4].flatMap((j) => [10, 11].map((e) => pairKey(j, e)))));
    const d: Design = { jurors: [1, 2, 3, 4], entrants: [10, 11, 12, 13], conflicts };
    expect(() => balancedPairs(d, 1, 's')).toThrowError(/never meet/);
  });

  test('the same seed draws the same assignment', () => {
    const d: Design = { jurors: range(5), entrants: range(10, 100), conflicts: new Set([pairKey(1, 100)]) };
    expect(balancedPairs(d, 2, 'x')).toEqual(balancedPairs(d, 2, 'x'));
  });
});
