import { rank, type RankingInput } from '@palmares/ranking';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { openSeats, type SelectionQuotas } from './open-seats';

describe('openSeats', () => {
  const quotas: SelectionQuotas = { size: 4, axisMin: 1, axisMax: 2 };
  const roundAxes = ['green', 'city', 'social'];

  test.each([
    { why: 'the e2e fixture: 2 seats free, one kept for Social, City 1 and City 2 tie for the other', selectedAxes: ['green', 'green'], tiedAxes: ['city', 'city'], open: 1 },
    { why: 'three tied for the one seat left', selectedAxes: ['green', 'city', 'social'], tiedAxes: ['city', 'green', 'social'], open: 1 },
    { why: 'the tied axis is one short of its cap, other minimums met', selectedAxes: ['green', 'city', 'social'], tiedAxes: ['green', 'green'], open: 1 },
    { why: 'two seats free, no minimum owed elsewhere, three tied', selectedAxes: ['green', 'social'], tiedAxes: ['city', 'city', 'green'], open: 2 },
  ])('$why: $open', ({ selectedAxes, tiedAxes, open }) => {
    expect(openSeats({ quotas, roundAxes, selectedAxes, tiedAxes })).toBe(open);
  });

  test('without quotas, a tie is for every seat left', () => {
    const free = { size: 3, axisMin: 0, axisMax: null };
    expect(openSeats({ quotas: free, roundAxes: ['a'], selectedAxes: ['a'], tiedAxes: ['a', 'a', 'a'] })).toBe(2);
  });

  // One criterion, three identical jurors: equal scores are tied by every rule, so the ranking
  // asks the chair. Once the chair orders the tied entrants, exactly `openSeats` of them are
  // selected, whatever the quotas.
  const competition = fc
    .record({
      axes: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 2, maxLength: 9 }),
      scores: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 9, maxLength: 9 }),
      size: fc.integer({ min: 1, max: 5 }),
      axisMin: fc.integer({ min: 0, max: 2 }),
      axisMax: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    })
    .filter(({ axes, size, axisMin, axisMax }) => {
      const present = new Set(axes);
      const enough = [...present].every((a) => axes.filter((x) => x === a).length >= axisMin);
      return enough && present.size * axisMin <= size && (axisMax === null || axisMax >= axisMin);
    });

  test('agrees with the ranking: the chair’s order selects exactly that many of the tied', () => {
    fc.assert(
      fc.property(competition, ({ axes, scores, size, axisMin, axisMax }) => {
        const entrants = axes.map((axis, i) => ({ id: `E${i}`, axis }));
        const input: RankingInput = {
          criteria: [{ id: 'overall', weight: 1 }],
          scale: { min: 1, max: 10 },
          entrants,
          jurors: ['J1', 'J2', 'J3'],
          evaluations: ['J1', 'J2', 'J3'].flatMap((juror) => entrants.map((e, i) => ({ juror, entrant: e.id, scores: { overall: scores[i] ?? 1 } }))),
          method: 'satm',
          trim: 0,
          selection: { count: size, ...(axisMin > 0 ? { axisMin } : {}), ...(axisMax !== null ? { axisMax } : {}) },
        };
        const first = rank(input);
        if (!first.ok) return;
        const pending = first.result.selection?.needsChairDecision;
        if (!pending) return;
        const axisOf = (id: string) => entrants.find((e) => e.id === id)?.axis ?? '';
        const open = openSeats({
          quotas: { size, axisMin, axisMax },
          roundAxes: axes,
          selectedAxes: (first.result.selection?.selected ?? []).map(axisOf),
          tiedAxes: pending.entrants.map(axisOf),
        });
        const settled = rank({ ...input, chairOrder: pending.entrants });
        if (!settled.ok) throw new Error('the chair’s order made the input invalid');
        const chosen = settled.result.selection?.selected.filter((id) => pending.entrants.includes(id)) ?? [];
        expect(open).toBe(chosen.length);
        expect(open).toBeLessThan(pending.entrants.length);
      }),
      { numRuns: 300 },
    );
  });
});
