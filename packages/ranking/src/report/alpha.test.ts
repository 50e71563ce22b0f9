import { expect, test } from 'vitest';
import { intervalAlpha } from './alpha.js';

test("alpha reproduces Krippendorff's worked example: 0.849 on the interval reliability data", () => {
  // Four observers × twelve units, missing values as null (Krippendorff 2011, "Computing
  // Krippendorff's Alpha-Reliability"): nominal 0.743, ordinal 0.815, interval 0.849.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].filter((x): x is number => x != null));
  expect(intervalAlpha(units)).toBeCloseTo(0.849, 3);
});

test('alpha is 1 under perfect agreement and null without variation', () => {
  expect(intervalAlpha([[1, 1], [3, 3], [5, 5]])).toBe(1);
  expect(intervalAlpha([[2, 2], [2, 2]])).toBeNull();
});
