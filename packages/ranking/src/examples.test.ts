import { describe, expect, test } from 'vitest';
import { card, competition, flat, flatCards } from './testing/fixtures.js';
import { rank } from './rank.js';
import type { RankingInput, RankResult } from './types.js';

function run(input: RankingInput): RankResult {
  const out = rank(input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

const J = ['J1', 'J2', 'J3'];
const ex4 = flatCards({ X: [9, 7, 8], Y: [8, 9, 7], Z: [7, 8, 9], W: [5, 5, 5] });
const ex6 = competition(
  { A: 'fintech', B: 'fintech', C: 'health', D: 'fintech', E: 'climate', F: 'edu' }, J,
  flatCards({ A: [9, 9, 9], B: [9, 8, 9], C: [8, 8, 9], D: [9, 8, 8], E: [8, 8, 8], F: [7, 8, 7] }),
  { selection: { count: 3, axisMax: 1 } },
);
const ex7order = ['X1', 'X2', 'X3', 'Y1', 'X4', 'Y2', 'Z1', 'Z2'];

const cases: { name: string; input: RankingInput; expect: (r: RankResult) => void }[] = [
  {
    name: '1. exact arithmetic: both 103/15, impact decides for A',
    input: competition({ A: 'x', B: 'x' }, J, [
      card('J1', 'A', [6, 6, 9, 5, 8, 8]), card('J2', 'A', [5, 5, 7, 7, 8, 8]), card('J3', 'A', [9, 8, 5, 8, 7, 6]),
      card('J1', 'B', [5, 5, 5, 9, 9, 6]), card('J2', 'B', [6, 7, 9, 6, 6, 9]), card('J3', 'B', [9, 5, 7, 9, 8, 5]),
    ]),
    expect: (r) => {
      expect(r.ranking.map((x) => [x.entrant, x.rank, x.score, x.display])).toEqual([
        ['A', 1, '103/15', '6.87'], ['B', 2, '103/15', '6.87'],
      ]);
      expect(r.ties).toEqual([{ rule: 'criterion:impact', entrants: ['A', 'B'], values: ['19/3', '17/3'] }]);
    },
  },
  {
    name: '2. equal totals: innovation puts X before Y',
    input: competition({ X: 'x', Y: 'x', Z: 'x' }, J, J.flatMap((j) => [
      card(j, 'X', [9, 7, 7, 7, 7, 5]), card(j, 'Y', [7, 8, 7, 7, 7, 8]), card(j, 'Z', flat(7)),
    ])),
    expect: (r) => {
      expect(r.ranking.map((x) => [x.entrant, x.rank, x.score])).toEqual([['X', 1, '73/10'], ['Y', 2, '73/10'], ['Z', 3, '7']]);
      expect(r.ties).toEqual([{ rule: 'criterion:innovation', entrants: ['X', 'Y'], values: ['9', '7'] }]);
    },
  },
  {
    name: '3. head-to-head: two of three jurors prefer Q to P',
    input: competition({ P: 'x', Q: 'x', R: 'x' }, J, flatCards({ P: [9, 6, 6], Q: [5, 8, 8], R: [4, 4, 4] })),
    expect: (r) => {
      expect(r.ranking.map((x) => [x.entrant, x.rank, x.score])).toEqual([['Q', 1, '7'], ['P', 2, '7'], ['R', 3, '4']]);
      expect(r.ties).toEqual([{ rule: 'head-to-head', entrants: ['Q', 'P'], values: ['1', '-1'] }]);
    },
  },
  {
    name: '4. a cycle: X, Y, Z share rank 1 and W is 4th',
    input: competition({ X: 'x', Y: 'x', Z: 'x', W: 'x' }, J, ex4),
    expect: (r) => {
      expect(r.ranking.map((x) => [x.entrant, x.rank])).toEqual([['X', 1], ['Y', 1], ['Z', 1], ['W', 4]]);
      expect(r.ties).toEqual([]);
    },
  },
  {
    name: '4. a cycle: selecting 1 asks the chair to choose among X, Y, Z',
    input: competition({ X: 'x', Y: 'x', Z: 'x', W: 'x' }, J, ex4, { selection: { count: 1 } }),
    expect: (r) => {
      expect(r.selection).toEqual({
        selected: [], skipped: [], needsChairDecision: { entrants: ['X', 'Y', 'Z'], seats: 1 }, sharedPlaces: [],
      });
    },
  },
  {
    name: '4. a cycle: selecting 3 takes X, Y, Z as a shared place without asking',
    input: competition({ X: 'x', Y: 'x', Z: 'x', W: 'x' }, J, ex4, { selection: { count: 3 } }),
    expect: (r) => {
      expect(r.selection).toEqual({
        selected: ['X', 'Y', 'Z'], skipped: [], needsChairDecision: null, sharedPlaces: [['X', 'Y', 'Z']],
      });
    },
  },
  {
    name: "4. a cycle: the chair's order Y, X, Z decides",
    input: competition({ X: 'x', Y: 'x', Z: 'x', W: 'x' }, J, ex4, { chairOrder: ['Y', 'X', 'Z'], selection: { count: 1 } }),
    expect: (r) => {
      expect(r.ranking.map((x) => [x.entrant, x.rank])).toEqual([['Y', 1], ['X', 2], ['Z', 3], ['W', 4]]);
      expect(r.ties).toEqual([{ rule: 'chair', entrants: ['Y', 'X', 'Z'], values: ['1', '2', '3'] }]);
      expect(r.selection?.selected).toEqual(['Y']);
      expect(r.selection?.needsChairDecision).toBeNull();
    },
  },
  {
    name: '5. recusal and severity: offsets H −2, M 1/8, L 15/8 crown Q, not P',
    input: competition({ P: 'x', Q: 'x', R: 'x', S: 'x' }, ['H', 'M', 'L'],
      flatCards({ P: [null, 8, 9], Q: [6, 8, 10], R: [4, 6, 8], S: [2, 4, 6] }, ['H', 'M', 'L']),
      { recusals: [{ juror: 'H', entrant: 'P' }] }),
    expect: (r) => {
      expect(r.offsets).toEqual({ H: '-2', L: '15/8', M: '1/8' });
      expect(r.ranking.map((x) => [x.entrant, x.rank, x.score, x.rawMean])).toEqual([
        ['Q', 1, '8', '8'], ['P', 2, '15/2', '17/2'], ['R', 3, '6', '6'], ['S', 4, '4', '4'],
      ]);
    },
  },
  {
    name: '6. awards at most one per axis: A, C, E win, B and D skipped, no chair decision',
    input: ex6,
    expect: (r) => {
      expect(r.ranking.map((x) => [x.entrant, x.rank, x.score])).toEqual([
        ['A', 1, '9'], ['B', 2, '26/3'], ['C', 3, '25/3'], ['D', 3, '25/3'], ['E', 5, '8'], ['F', 6, '22/3'],
      ]);
      expect(r.selection).toEqual({
        selected: ['A', 'C', 'E'],
        skipped: [{ entrant: 'B', reason: 'axis-max' }, { entrant: 'D', reason: 'axis-max' }],
        needsChairDecision: null,
        sharedPlaces: [],
      });
    },
  },
  {
    name: '7. shortlist with 1 to 2 per axis: X1, X2, Y1, Z1',
    input: competition(
      Object.fromEntries(ex7order.map((id) => [id, id[0]!])), J,
      flatCards(Object.fromEntries(ex7order.map((id, i) => [id, [10 - i, 10 - i, 10 - i]]))),
      { selection: { count: 4, axisMin: 1, axisMax: 2 } },
    ),
    expect: (r) => {
      expect(r.selection).toEqual({
        selected: ['X1', 'X2', 'Y1', 'Z1'],
        skipped: [
          { entrant: 'X3', reason: 'axis-max' }, { entrant: 'X4', reason: 'axis-max' },
          { entrant: 'Y2', reason: 'reserved-for-axis-min' },
        ],
        needsChairDecision: null,
        sharedPlaces: [],
      });
    },
  },
];

describe('the worked examples of SPEC.md', () => {
  test.each(cases)('$name', ({ input, expect: check }) => {
    const r = run(input);
    expect(r.method).toBe('satm');
    expect(r.arithmetic).toBe('exact');
    expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    check(r);
  });
});
