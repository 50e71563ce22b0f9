import { describe, expect, test } from 'vitest';
import { card, competition, flat } from './testing/fixtures.js';
import { rank } from './rank.js';
import type { ErrorCode, RankingError, RankingInput } from './types.js';

const base = (): RankingInput =>
  competition({ A: 'x', B: 'y' }, ['J1', 'J2'], [
    card('J1', 'A', flat(7)), card('J1', 'B', flat(6)), card('J2', 'A', flat(8)), card('J2', 'B', flat(5)),
  ]);

function errors(input: unknown): RankingError[] {
  const out = rank(input);
  if (out.ok) throw new Error('expected the input to be rejected');
  return out.errors;
}

const mutate = (f: (i: RankingInput & Record<string, unknown>) => void): RankingInput => {
  const i = structuredClone(base()) as RankingInput & Record<string, unknown>;
  f(i);
  return i;
};

const cases: { name: string; input: unknown; code: ErrorCode; expect?: Partial<RankingError> }[] = [
  { name: 'a non-object input', input: [1, 2], code: 'INVALID_INPUT' },
  { name: 'an unknown top-level field', input: mutate((i) => (i.extra = 1)), code: 'INVALID_INPUT', expect: { path: '/extra' } },
  { name: 'a missing field', input: mutate((i) => delete (i as Partial<RankingInput>).jurors), code: 'INVALID_INPUT', expect: { path: '/jurors' } },
  { name: 'a zero weight', input: mutate((i) => (i.criteria[0]!.weight = 0)), code: 'INVALID_INPUT', expect: { path: '/criteria/0/weight' } },
  { name: 'an empty entrant list', input: mutate((i) => { i.entrants = []; i.evaluations = []; }), code: 'INVALID_INPUT', expect: { path: '/entrants' } },
  { name: 'a wrong type of score', input: mutate((i) => (i.evaluations[0]!.scores.impact = '7' as unknown as number)), code: 'INVALID_INPUT' },
  { name: 'an unknown method', input: mutate((i) => (i.method = 'borda' as 'satm')), code: 'INVALID_INPUT', expect: { path: '/method' } },
  { name: 'a duplicate juror', input: mutate((i) => i.jurors.push('J1')), code: 'DUPLICATE_ID', expect: { juror: 'J1' } },
  { name: 'a duplicate entrant', input: mutate((i) => i.entrants.push({ id: 'A', axis: 'z' })), code: 'DUPLICATE_ID', expect: { entrant: 'A' } },
  { name: 'a duplicate criterion', input: mutate((i) => i.criteria.push({ id: 'impact', weight: 3 })), code: 'DUPLICATE_ID', expect: { criterion: 'impact' } },
  { name: 'an unknown juror', input: mutate((i) => (i.evaluations[0]!.juror = 'J9')), code: 'UNKNOWN_ID', expect: { juror: 'J9' } },
  { name: 'an unknown entrant', input: mutate((i) => (i.evaluations[0]!.entrant = 'Z')), code: 'UNKNOWN_ID', expect: { entrant: 'Z' } },
  { name: 'an unknown criterion', input: mutate((i) => (i.evaluations[0]!.scores.charm = 5)), code: 'UNKNOWN_ID', expect: { criterion: 'charm' } },
  { name: 'a scorecard without a criterion', input: mutate((i) => delete i.evaluations[1]!.scores.team), code: 'INCOMPLETE_EVALUATION', expect: { juror: 'J1', entrant: 'B', criterion: 'team' } },
  { name: 'a half point', input: mutate((i) => (i.evaluations[0]!.scores.team = 7.5)), code: 'NOT_AN_INTEGER', expect: { criterion: 'team', path: '/evaluations/0/scores/team' } },
  { name: 'a score above the scale', input: mutate((i) => (i.evaluations[2]!.scores.pitch = 11)), code: 'OUT_OF_SCALE', expect: { juror: 'J2', entrant: 'A', criterion: 'pitch' } },
  { name: 'a score below the scale', input: mutate((i) => (i.evaluations[2]!.scores.pitch = 0)), code: 'OUT_OF_SCALE' },
  { name: 'a recused juror who scored', input: mutate((i) => (i.recusals = [{ juror: 'J2', entrant: 'B' }])), code: 'RECUSED_BUT_SCORED', expect: { juror: 'J2', entrant: 'B' } },
  { name: 'the same scorecard twice', input: mutate((i) => i.evaluations.push(card('J1', 'A', flat(3)))), code: 'DUPLICATE_EVALUATION', expect: { juror: 'J1', entrant: 'A' } },
  {
    name: 'two panels that never met',
    input: competition({ A: 'x', B: 'x' }, ['J1', 'J2'], [card('J1', 'A', flat(7)), card('J2', 'B', flat(6))]),
    code: 'DISCONNECTED_DESIGN',
  },
  { name: 'an entrant nobody scored when selecting', input: mutate((i) => { i.entrants.push({ id: 'C', axis: 'x' }); i.selection = { count: 1 }; }), code: 'UNSCORED_ENTRANT', expect: { entrant: 'C' } },
  { name: 'an axis minimum above its entrants', input: mutate((i) => (i.selection = { count: 2, axisMin: { x: 2 } })), code: 'INFEASIBLE_QUOTA' },
  { name: 'minimums adding up above count', input: mutate((i) => (i.selection = { count: 1, axisMin: 1 })), code: 'INFEASIBLE_QUOTA' },
];

describe('validation rejects', () => {
  test.each(cases)('$name with $code', ({ input, code, expect: fields }) => {
    const found = errors(input).filter((e) => e.code === code);
    expect(found.length).toBeGreaterThan(0);
    if (fields) expect(found[0]).toMatchObject(fields);
  });
});

test('validation reports every problem of an input at once', () => {
  const input = mutate((i) => {
    i.evaluations[0]!.scores.team = 7.5;
    i.evaluations[1]!.juror = 'J9';
    i.evaluations[2]!.scores.pitch = 11;
    i.jurors.push('J1');
  });
  expect(errors(input).map((e) => e.code).sort()).toEqual(['DUPLICATE_ID', 'NOT_AN_INTEGER', 'OUT_OF_SCALE', 'UNKNOWN_ID']);
});

test('problems in the first, a middle and the last of many scorecards are all reported, in row order', () => {
  const jurors = Array.from({ length: 10 }, (_, j) => `J${j}`);
  const entrants = Object.fromEntries(Array.from({ length: 10 }, (_, e) => [`E${e}`, 'x']));
  const input = competition(entrants, jurors, jurors.flatMap((j) => Object.keys(entrants).map((e) => card(j, e, flat(5)))));
  input.evaluations[0]!.scores.team = 7.5;
  input.evaluations[50] = card('J9', 'E0', flat(6));
  delete (input.evaluations[99]!.scores as Partial<Record<string, number>>).pitch;
  expect(errors(input).map((e) => [e.code, e.path])).toEqual([
    ['NOT_AN_INTEGER', '/evaluations/0/scores/team'],
    ['DUPLICATE_EVALUATION', '/evaluations/90'],
    ['INCOMPLETE_EVALUATION', '/evaluations/99/scores'],
  ]);
});

test('a disconnected design is accepted by a method without offsets', () => {
  const input = competition({ A: 'x', B: 'x' }, ['J1', 'J2'], [card('J1', 'A', flat(7)), card('J2', 'B', flat(6))], { method: 'mean' });
  expect(rank(input).ok).toBe(true);
});

test('jurors and entrants without scorecards are left out of the connectivity check', () => {
  const input = mutate((i) => {
    i.jurors.push('J3');
    i.entrants.push({ id: 'C', axis: 'x' });
  });
  const out = rank(input);
  expect(out.ok).toBe(true);
  if (out.ok) expect(out.result.ranking.at(-1)).toMatchObject({ entrant: 'C', rank: null, score: null, scored: 0 });
});
