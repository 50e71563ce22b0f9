import { rank, type RankingInput } from '@palmares/ranking';
import { describe, expect, test } from 'vitest';
import { tieSeats, type TieSeatsDeliberation } from './tie-seats';

/**
 * A final of five startups, three prizes, flat scores from three identical jurors: A (fintech) 9,
 * B and C (both health) 8, tied by every rule, D (climate) 7, E (edu) 6.
 */
function final(awardAxisMax: number | null, chairOrder?: string[]) {
  const entrants = [
    { id: '1', axis: 'fintech', score: 9 },
    { id: '2', axis: 'health', score: 8 },
    { id: '3', axis: 'health', score: 8 },
    { id: '4', axis: 'climate', score: 7 },
    { id: '5', axis: 'edu', score: 6 },
  ];
  const input: RankingInput = {
    criteria: [{ id: 'overall', weight: 1 }],
    scale: { min: 1, max: 10 },
    entrants: entrants.map(({ id, axis }) => ({ id, axis })),
    jurors: ['J1', 'J2', 'J3'],
    evaluations: ['J1', 'J2', 'J3'].flatMap((juror) => entrants.map((e) => ({ juror, entrant: e.id, scores: { overall: e.score } }))),
    selection: { count: 3, ...(awardAxisMax !== null ? { axisMax: awardAxisMax } : {}) },
    ...(chairOrder ? { chairOrder } : {}),
  };
  const ranked = rank(input);
  if (!ranked.ok) throw new Error('invalid final');
  const selection = ranked.result.selection!;
  // The deliberation as the server words it (selection-view.ts), the same for the organiser and
  // the chair's tablet: entrant ids as numbers, the final's rules with no minimum.
  const deliberation: TieSeatsDeliberation = {
    selectionRules: { count: 3, axisMin: 0, axisMax: awardAxisMax },
    ranking: entrants.map((e) => ({ entrantId: Number(e.id), axisCode: e.axis })),
    selection: {
      selectedIds: selection.selected.map(Number),
      needsChairDecision: selection.needsChairDecision
        ? { entrantIds: selection.needsChairDecision.entrants.map(Number), seats: selection.needsChairDecision.seats }
        : null,
    },
  };
  return { deliberation, selected: selection.selected };
}

describe('the seats a final’s open tie is for', () => {
  test('at most one prize per axis: B and C tie for one prize, not the two still free', () => {
    const { deliberation } = final(1);
    // What the deliberation screen showed until now: "(places restantes : 2)".
    expect(deliberation.selection.needsChairDecision).toEqual({ entrantIds: [2, 3], seats: 2 });
    // The chair's order gives one of them a prize; the other free prize goes to D (climate).
    expect(final(1, ['2', '3']).selected).toEqual(['1', '2', '4']);
    expect(final(1, ['3', '2']).selected).toEqual(['1', '3', '4']);
    expect(tieSeats(deliberation)).toBe(1);
  });

  test('the chair’s tablet, two places free and one prize per axis: the tie is for 1', () => {
    // The chair's route answers the same deliberation, rules included: no organiser data needed.
    const { deliberation } = final(1);
    expect(deliberation.selection.needsChairDecision?.seats).toBe(2);
    expect(tieSeats(deliberation)).toBe(1);
  });

  test('without a cap there is no tie to settle: both take the two prizes left', () => {
    expect(final(null).deliberation.selection.needsChairDecision).toBeNull();
    expect(final(null).selected).toEqual(['1', '2', '3']);
  });

  test('the shortlist round counts with the shortlist’s quotas', () => {
    const deliberation: TieSeatsDeliberation = {
      selectionRules: { count: 4, axisMin: 1, axisMax: 2 },
      ranking: [
        { entrantId: 1, axisCode: 'green' },
        { entrantId: 2, axisCode: 'green' },
        { entrantId: 3, axisCode: 'city' },
        { entrantId: 4, axisCode: 'city' },
        { entrantId: 5, axisCode: 'social' },
      ],
      selection: { selectedIds: [1, 2], needsChairDecision: { entrantIds: [3, 4], seats: 2 } },
    };
    expect(tieSeats(deliberation)).toBe(1);
  });

  test('a tie for the last free seat is for one', () => {
    const { deliberation } = final(1);
    const lastSeat = { ...deliberation, selection: { selectedIds: [1, 4], needsChairDecision: { entrantIds: [2, 3], seats: 1 } } };
    expect(tieSeats(lastSeat)).toBe(1);
  });

  test('without a cap (axisMax null) every free seat is open to the tied', () => {
    const deliberation: TieSeatsDeliberation = {
      selectionRules: { count: 3, axisMin: 0, axisMax: null },
      ranking: [1, 2, 3, 4].map((entrantId) => ({ entrantId, axisCode: entrantId === 1 ? 'fintech' : 'health' })),
      selection: { selectedIds: [1], needsChairDecision: { entrantIds: [2, 3, 4], seats: 2 } },
    };
    expect(tieSeats(deliberation)).toBe(2);
  });

  test('no open tie, nothing to count', () => {
    expect(tieSeats(final(null).deliberation)).toBeNull();
  });
});
