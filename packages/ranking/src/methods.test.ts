import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { card, competition, flat, flatCards } from './testing/fixtures.js';
import { generate } from './testing/generate.js';
import { displays } from './format.js';
import { rank } from './rank.js';
import { ratio } from './rational.js';
import { exactScores } from './scores.js';
import type { RankingInput, RankResult } from './types.js';

function run(input: RankingInput): RankResult {
  const out = rank(input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

// Example 5 of SPEC.md: the harsh juror H is recused from P.
const severity = competition({ P: 'x', Q: 'x', R: 'x', S: 'x' }, ['H', 'M', 'L'],
  flatCards({ P: [null, 8, 9], Q: [6, 8, 10], R: [4, 6, 8], S: [2, 4, 6] }, ['H', 'M', 'L']),
  { recusals: [{ juror: 'H', entrant: 'P' }] });

test('the mean method ranks on raw totals and crowns P, which escaped the harsh juror', () => {
  const r = run({ ...severity, method: 'mean' });
  expect(r.ranking.map((x) => [x.entrant, x.score])).toEqual([['P', '17/2'], ['Q', '8'], ['R', '6'], ['S', '4']]);
  expect(r.offsets).toEqual({});
});

test('the median method takes the middle total, averaging the two middle ones', () => {
  const r = run({ ...severity, method: 'median' });
  expect(r.ranking.map((x) => [x.entrant, x.score, x.trimmed])).toEqual([['P', '17/2', 0], ['Q', '8', 0], ['R', '6', 0], ['S', '4', 0]]);
});

test('the zscore method standardises each juror and reports float64 decimals', () => {
  const r = run({ ...severity, method: 'zscore' });
  expect(r.arithmetic).toBe('float64');
  expect(r.ranking.map((x) => x.entrant)).toEqual(['Q', 'P', 'R', 'S']);
  // Q's z-scores: H (6 − 4) / 1.633, M (8 − 6.5) / 1.658, L (10 − 8.25) / 1.479; their mean.
  expect(Number(r.ranking[0]!.score)).toBeCloseTo((1.2247448714 + 0.9045340337 + 1.1832159566) / 3, 9);
});

test('trim auto drops the highest and lowest corrected score from 5 scorecards on', () => {
  const J = ['J1', 'J2', 'J3', 'J4', 'J5'];
  const r = run(competition({ A: 'x', B: 'x' }, J, flatCards({ A: [1, 7, 7, 7, 10], B: [6, 6, 6, 6, 6] }, J), { method: 'mean' }));
  expect(r.ranking.map((x) => [x.entrant, x.score, x.rawMean, x.trimmed])).toEqual([['A', '7', '32/5', 2], ['B', '6', '6', 2]]);
});

test('beyond 50 jurors SATM runs in float64 and matches the exact mean on complete data with trim 0', () => {
  const jurors = Array.from({ length: 60 }, (_, j) => `J${String(j).padStart(2, '0')}`);
  const evaluations = jurors.flatMap((j, x) => [
    card(j, 'A', flat(5 + (x % 4))), card(j, 'B', flat(4 + (x % 5))), card(j, 'C', [3 + (x % 3), 7, 7, 7, 7, 7]),
  ]);
  const r = run(competition({ A: 'x', B: 'x', C: 'x' }, jurors, evaluations, { trim: 0 }));
  expect(r.arithmetic).toBe('float64');
  for (const row of r.ranking) {
    const [n, d = '1'] = row.rawMean!.split('/');
    expect(Number(row.score)).toBeCloseTo(Number(n) / Number(d), 9);
  }
  expect(r.ranking.map((x) => x.entrant)).toEqual(['A', 'C', 'B']);
});

test('the float64 path gives, to the last digit, the results it gave before it was made faster', () => {
  // Digests of the whole result JSON, computed before the solver and the scoring loops were rewritten.
  const digest = (r: RankResult): string => createHash('sha256').update(JSON.stringify(r)).digest('hex');
  const sparse = run({ ...generate(400, 51, 5, 2), selection: { count: 10 } });
  expect(sparse.arithmetic).toBe('float64');
  expect(sparse.ties).toEqual([{ rule: 'criterion:innovation', entrants: ['E2', 'E155'], values: ['4.4792848798', '4.1459515464'] }]);
  expect(sparse.ranking[0]).toMatchObject({ entrant: 'E143', score: '8.1229910547', display: '8.12', rawMean: '423/50' });
  expect(digest(sparse)).toBe('99f49dca387819394ba987263fefdc3985e4e1c2404a947d042543ea3d1f05d8');
  const reported = run({ ...generate(40, 55, 7, 8), selection: { count: 4, axisMax: 1 }, report: true });
  expect(digest(reported)).toBe('8dba841bb2b1503e987dbf08ff64be7a34a5089bc9fb6411338101ddee90797b');
});

test('display adds decimals only where two different scores would read the same', () => {
  // 20/3 = 6.66667 and 6.667 agree up to three places; 5 does not need more than two.
  const shown = displays(exactScores([ratio(20n, 3n), ratio(6667n, 1000n), ratio(5n, 1n)]), [0, 1, 2]);
  expect([...shown.values()]).toEqual(['6.6667', '6.6670', '5.00']);
  // A chain of close scores: the middle one takes the most decimals any neighbour needs.
  const chain = displays(exactScores([ratio(6671n, 1000n), ratio(6668n, 1000n), ratio(66681n, 10000n)]), [0, 1, 2]);
  expect([...chain.values()]).toEqual(['6.671', '6.6680', '6.6681']);
});
