import { rank, rankDetailed, type RankResult } from '@palmares/ranking';
import { describe, expect, test } from 'vitest';
import { chairOrderOf } from './chair-order.js';
import { correctedScorecards } from './corrected.js';
import { disagreementGrid } from './grid.js';
import { toText } from './numbers.js';
import { placesOf } from './places.js';
import { prizePlaces } from './prizes.js';
import type { RoundRankingInput } from './ranking-input.js';
import { tieLog } from './tie-log.js';

const RUBRIC = [
  { id: 'innovation', weight: 25 }, { id: 'impact', weight: 20 }, { id: 'feasibility', weight: 15 },
  { id: 'market', weight: 15 }, { id: 'team', weight: 15 }, { id: 'pitch', weight: 10 },
];
const sheet = (v: number[]) => Object.fromEntries(RUBRIC.map((c, i) => [c.id, v[i]!]));
const flat = (v: number) => ({ overall: v });

function detailOf(input: RoundRankingInput) {
  const out = rankDetailed(input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.detail;
}

function run(input: RoundRankingInput): RankResult {
  const out = rank(input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

// packages/ranking/SPEC.md worked example 1, with entrants 1 (A) and 2 (B).
const example1: RoundRankingInput = {
  criteria: RUBRIC, scale: { min: 1, max: 10 }, entrants: [{ id: '1', axis: 'x' }, { id: '2', axis: 'x' }], jurors: ['1', '2', '3'],
  evaluations: [
    { juror: '1', entrant: '1', scores: sheet([6, 6, 9, 5, 8, 8]) }, { juror: '2', entrant: '1', scores: sheet([5, 5, 7, 7, 8, 8]) },
    { juror: '3', entrant: '1', scores: sheet([9, 8, 5, 8, 7, 6]) }, { juror: '1', entrant: '2', scores: sheet([5, 5, 5, 9, 9, 6]) },
    { juror: '2', entrant: '2', scores: sheet([6, 7, 9, 6, 6, 9]) }, { juror: '3', entrant: '2', scores: sheet([9, 5, 7, 9, 8, 5]) },
  ],
  recusals: [], method: 'satm', trim: 'auto',
};

// packages/ranking/SPEC.md worked example 5: H (juror 1, recused from P = entrant 1), M (2), L (3); Q = 2, R = 3, S = 4.
const example5: RoundRankingInput = {
  criteria: [{ id: 'overall', weight: 1 }], scale: { min: 1, max: 10 },
  entrants: ['1', '2', '3', '4'].map((id) => ({ id, axis: 'x' })), jurors: ['1', '2', '3'],
  evaluations: [
    { juror: '1', entrant: '2', scores: flat(6) }, { juror: '1', entrant: '3', scores: flat(4) }, { juror: '1', entrant: '4', scores: flat(2) },
    { juror: '2', entrant: '1', scores: flat(8) }, { juror: '2', entrant: '2', scores: flat(8) }, { juror: '2', entrant: '3', scores: flat(6) }, { juror: '2', entrant: '4', scores: flat(4) },
    { juror: '3', entrant: '1', scores: flat(9) }, { juror: '3', entrant: '2', scores: flat(10) }, { juror: '3', entrant: '3', scores: flat(8) }, { juror: '3', entrant: '4', scores: flat(6) },
  ],
  recusals: [{ juror: '1', entrant: '1' }], method: 'satm', trim: 'auto',
};

describe('results helpers', () => {
  test('the tie log reads "A ahead of B: higher impact, 19/3 against 17/3" (packages/ranking/SPEC.md example 1)', () => {
    const log = tieLog(run(example1).ties);
    const impact = log.find((t) => t.rule === 'criterion:impact')!;
    expect(impact).toMatchObject({ kind: 'criterion', criterion: 'impact', stillTied: [] });
    expect(impact.steps).toEqual([{ aheadId: 1, behindId: 2, aheadValue: '19/3', behindValue: '17/3', aheadDisplay: '6.33', behindDisplay: '5.67' }]);
    // Innovation (20/3 each) did not split them, so only the impact split is logged.
    expect(log.map((t) => t.rule)).toEqual(['criterion:impact']);
  });

  test('corrected scores are T − b_j, and their mean is the SATM score (packages/ranking/SPEC.md example 5)', () => {
    const result = run(example5);
    const cards = correctedScorecards(example5, detailOf(example5));
    const q = cards.filter((c) => c.entrant === '2').map((c) => toText(c.corrected));
    expect(q).toEqual(['8', '63/8', '65/8']); // 6 + 2, 8 − 1/8, 10 − 15/8
    expect(result.ranking.find((r) => r.entrant === '2')?.score).toBe('8');
    expect(cards.every((c) => c.trimmed === null)).toBe(true);
  });

  test('with five scorecards or more the highest and the lowest corrected scores are marked trimmed', () => {
    const input: RoundRankingInput = {
      criteria: [{ id: 'overall', weight: 1 }], scale: { min: 1, max: 10 }, entrants: [{ id: '1', axis: 'x' }, { id: '2', axis: 'y' }],
      jurors: ['1', '2', '3', '4', '5'],
      evaluations: ['1', '2', '3', '4', '5'].flatMap((j, i) => [
        { juror: j, entrant: '1', scores: flat([2, 5, 6, 7, 10][i]!) },
        { juror: j, entrant: '2', scores: flat(5) },
      ]),
      recusals: [], method: 'satm', trim: 'auto',
    };
    const cards = correctedScorecards(input, detailOf(input)).filter((c) => c.entrant === '1');
    expect(cards.map((c) => c.trimmed)).toEqual(['low', null, null, null, 'high']);
  });

  test('the grid flags a spread above 3 points and the total more than 3 from the median, scaled to other scales', () => {
    const numberOf = (j: string) => Number(j);
    const grid = disagreementGrid(example5, numberOf);
    // Entrant 2 (Q): totals 6, 8, 10 → range 4 > 3, median 8, nobody further than 3 from it.
    expect(grid.entrants.find((e) => e.entrantId === 2)).toMatchObject({ disagreement: true, median: { exact: '8' } });
    expect(grid.cells.filter((c) => c.farFromMedian)).toEqual([]);
    expect(grid.cells.find((c) => c.juror === 1 && c.entrantId === 1)?.status).toBe('recused');
    // Sparse: a cell per scorecard (11) or recusal (1), none for the pair juror 3 × entrant 4 once its card is gone.
    expect(grid.cells).toHaveLength(12);
    const without = disagreementGrid({ ...example5, evaluations: example5.evaluations.filter((ev) => !(ev.juror === '3' && ev.entrant === '4')) }, numberOf);
    expect(without.cells).toHaveLength(11);
    expect(without.cells.some((c) => c.juror === 3 && c.entrantId === 4)).toBe(false);
    expect(without.cells.every((c) => c.status !== 'none')).toBe(true);
    const wide = disagreementGrid({ ...example5, scale: { min: 0, max: 18 } }, numberOf);
    expect(wide.threshold).toBe(6);
    expect(wide.entrants.some((e) => e.disagreement)).toBe(false);
  });

  test('prizes: ex aequo winners share a place unless the chair ordered them (packages/ranking/SPEC.md example 4)', () => {
    const cycle: RoundRankingInput = {
      criteria: [{ id: 'overall', weight: 1 }], scale: { min: 1, max: 10 },
      entrants: ['1', '2', '3', '4'].map((id, i) => ({ id, axis: `a${i}` })), jurors: ['1', '2', '3'],
      evaluations: [
        ['1', '1', 9], ['1', '2', 8], ['1', '3', 7], ['2', '2', 9], ['2', '3', 8], ['2', '1', 7], ['3', '3', 9], ['3', '1', 8], ['3', '2', 7],
        ['1', '4', 5], ['2', '4', 5], ['3', '4', 5],
      ].map(([juror, entrant, v]) => ({ juror: String(juror), entrant: String(entrant), scores: flat(Number(v)) })),
      recusals: [], method: 'satm', trim: 'auto', selection: { count: 3 },
    };
    expect(prizePlaces(run(cycle))).toEqual([{ place: 1, exAequo: true, entrants: ['1', '2', '3'] }]);
    const ordered = run({ ...cycle, chairOrder: chairOrderOf([{ entrantIds: [2, 1, 3] }]) });
    expect(prizePlaces(ordered).map((p) => p.entrants)).toEqual([['2'], ['1'], ['3']]);
    expect(placesOf(ordered, '3', 'exact', 3)).toMatchObject({ overall: { kind: 'exact', place: 3, of: 4 }, award: { place: 3, exAequo: false } });
    expect(placesOf(ordered, '4', 'band', 3)?.overall).toEqual({ kind: 'band', top: 4, of: 4 });
  });

  test('a later chair decision about the same startups replaces the earlier order', () => {
    expect(chairOrderOf([])).toBeUndefined();
    expect(chairOrderOf([{ entrantIds: [1, 2] }, { entrantIds: [5, 4] }, { entrantIds: [2, 1] }])).toEqual(['5', '4', '2', '1']);
  });
});
