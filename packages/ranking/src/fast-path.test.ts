import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sortedCards, sortedIds, wellFormedEntrants, wellFormedRows, type RowContext } from './fast-path.js';
import { competitionArb, permute } from './testing/arbitraries.js';
import { card, CRITERIA, flat } from './testing/fixtures.js';
import { validate } from './validate.js';

const context = (recused: number[] = []): RowContext => ({
  criteria: CRITERIA,
  scale: { min: 1, max: 10 },
  jurorAt: new Map([['J1', 0], ['J2', 1]]),
  entrantAt: new Map([['A', 0], ['B', 1]]),
  recused: new Map(recused.map((k) => [k, null])),
});

const good = (): unknown[] => [card('J1', 'A', flat(7)), card('J2', 'B', [1, 2, 3, 4, 5, 10])];

describe('the fast path gives up, leaving the wording to the full checks, on', () => {
  const cases: [string, (rows: unknown[]) => unknown, number[]?][] = [
    ['a list that is not an array', () => ({})],
    ['a row that is not an object', (rows) => [...rows, [1]]],
    ['an unknown field', (rows) => [...rows, { ...card('J1', 'B', flat(7)), note: 'x' }]],
    ['an unknown juror', (rows) => [...rows, card('J9', 'B', flat(7))]],
    ['an entrant that is not a string', (rows) => [...rows, { ...card('J1', 'B', flat(7)), entrant: 2 }]],
    ['scores that are not an object', (rows) => [...rows, { ...card('J1', 'B', flat(7)), scores: [7] }]],
    ['a missing criterion', (rows) => [...rows, { ...card('J1', 'B', flat(7)), scores: { innovation: 7 } }]],
    ['an extra criterion', (rows) => [...rows, { ...card('J1', 'B', flat(7)), scores: { ...card('J1', 'B', flat(7)).scores, charm: 3 } }]],
    ['a half point', (rows) => [...rows, card('J1', 'B', [7, 7, 7, 7, 7, 7.5])]],
    ['a score as text', (rows) => [...rows, { ...card('J1', 'B', flat(7)), scores: { ...card('J1', 'B', flat(7)).scores, team: '7' } }]],
    ['a score out of the scale', (rows) => [...rows, card('J1', 'B', [0, 7, 7, 7, 7, 7])]],
    ['a recused pair', (rows) => rows, [1 * 2 + 1]],
  ];
  test.each(cases)('%s', (_name, change, recused) => {
    expect(wellFormedRows(context(), good())).not.toBeNull();
    expect(wellFormedRows(context(recused), change(good()))).toBeNull();
  });

  test('a repeated juror and entrant pair, once the cards are sorted', () => {
    const rows = wellFormedRows(context(), [...good(), card('J1', 'A', flat(3))])!;
    expect(sortedCards(rows, Int32Array.of(0, 1), Int32Array.of(0, 1), CRITERIA)).toBeNull();
  });

  test.each([
    ['a repeated entrant id', [{ id: 'A', axis: 'x' }, { id: 'A', axis: 'y' }]],
    ['an empty axis', [{ id: 'A', axis: '' }]],
    ['an extra field', [{ id: 'A', axis: 'x', seed: 1 }]],
    ['an empty list', []],
  ])('%s among the entrants', (_name, entrants) => {
    expect(wellFormedEntrants([{ id: 'B', axis: 'y' }, { id: 'A', axis: 'x' }])).toEqual({ at: new Map([['B', 0], ['A', 1]]), axis: ['y', 'x'] });
    expect(wellFormedEntrants(entrants)).toBeNull();
  });
});

test('sorted cards follow juror id, then entrant id, with the weighted total of each', () => {
  const at = (ids: string[]): Map<string, number> => new Map(ids.map((id, i) => [id, i]));
  const jurors = ['J2', 'J10', 'J1'];
  const entrants = ['B', 'A'];
  const rows = wellFormedRows({ ...context(), jurorAt: at(jurors), entrantAt: at(entrants) }, [
    card('J2', 'A', flat(2)), card('J1', 'B', flat(3)), card('J10', 'A', flat(4)), card('J1', 'A', [1, 2, 3, 4, 5, 6]),
  ])!;
  const cards = sortedCards(rows, sortedIds(jurors).rank, sortedIds(entrants).rank, CRITERIA)!;
  // Sorted ids: J1 < J10 < J2 and A < B.
  expect([...cards.juror]).toEqual([0, 0, 1, 2]);
  expect([...cards.entrant]).toEqual([0, 1, 0, 0]);
  expect([...cards.total]).toEqual([25 + 40 + 45 + 60 + 75 + 60, 300, 400, 200]);
  expect([...cards.scores.subarray(0, 6)]).toEqual([1, 2, 3, 4, 5, 6]);
});

test('a validated model holds every scorecard, sorted by juror id then entrant id, whatever the input order', () => {
  fc.assert(
    fc.property(competitionArb(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (input, keys) => {
      const shuffled = { ...input, evaluations: permute(input.evaluations, keys) };
      const v = validate(shuffled);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const { cards, criteria, jurors, entrants } = v.model;
      const expected = [...input.evaluations]
        .sort((a, b) => (a.juror < b.juror ? -1 : a.juror > b.juror ? 1 : a.entrant < b.entrant ? -1 : a.entrant > b.entrant ? 1 : 0))
        .map((ev) => ({
          juror: ev.juror,
          entrant: ev.entrant,
          scores: criteria.map((c) => ev.scores[c.id]!),
          total: criteria.reduce((s, c) => s + c.weight * ev.scores[c.id]!, 0),
        }));
      const got = Array.from({ length: cards.length }, (_, i) => ({
        juror: jurors[cards.juror[i]!]!,
        entrant: entrants[cards.entrant[i]!]!,
        scores: [...cards.scores.subarray(i * criteria.length, (i + 1) * criteria.length)],
        total: cards.total[i]!,
      }));
      expect(got).toEqual(expected);
    }),
    { numRuns: 200 },
  );
});
