import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generate } from './testing/generate.js';
import { compareRational, parseRational, ratio } from './rational.js';
import { rank, rankDetailed } from './rank.js';
import type { RankingInput } from './types.js';

function detailed(input: RankingInput) {
  const out = rankDetailed(input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out;
}
const flat = (v: number) => ({ overall: v });
const one = { criteria: [{ id: 'overall', weight: 1 }], scale: { min: 1, max: 10 } };

// SPEC.md worked example 5: H (J1, recused from P), M (J2), L (J3).
const example5: RankingInput = {
  ...one,
  entrants: ['P', 'Q', 'R', 'S'].map((id) => ({ id, axis: 'x' })), jurors: ['J1', 'J2', 'J3'],
  evaluations: [
    ['J1', 'Q', 6], ['J1', 'R', 4], ['J1', 'S', 2], ['J2', 'P', 8], ['J2', 'Q', 8], ['J2', 'R', 6], ['J2', 'S', 4],
    ['J3', 'P', 9], ['J3', 'Q', 10], ['J3', 'R', 8], ['J3', 'S', 6],
  ].map(([juror, entrant, v]) => ({ juror: String(juror), entrant: String(entrant), scores: flat(Number(v)) })),
  recusals: [{ juror: 'J1', entrant: 'P' }],
};

describe('rankDetailed', () => {
  test('returns the very result rank() returns', () => {
    for (const input of [example5, { ...generate(30, 8, 6, 2), selection: { count: 5, axisMax: 2 } }]) {
      expect(detailed(input).result).toEqual((rank(input) as { result: unknown }).result);
    }
  });

  test('corrected scores are T − b_j, and their mean is the SATM score (SPEC.md example 5)', () => {
    const { result, detail } = detailed(example5);
    const q = detail.scorecards.filter((c) => c.entrant === 'Q');
    expect(q.map((c) => [c.juror, c.total, c.corrected])).toEqual([['J1', '6', '8'], ['J2', '8', '63/8'], ['J3', '10', '65/8']]);
    expect(result.ranking.find((r) => r.entrant === 'Q')?.score).toBe('8');
    expect(detail.scorecards.every((c) => c.trimmed === null)).toBe(true);
    expect(detail.scorecards).toHaveLength(11);
    expect(detail.openSeats).toBeNull();
  });

  test('totals are Σ w·s / Σ w, exactly', () => {
    const input: RankingInput = {
      criteria: [{ id: 'a', weight: 2 }, { id: 'b', weight: 1 }], scale: { min: 1, max: 10 },
      entrants: [{ id: 'A', axis: 'x' }], jurors: ['J1'], evaluations: [{ juror: 'J1', entrant: 'A', scores: { a: 7, b: 6 } }],
    };
    expect(detailed(input).detail.scorecards[0]).toEqual({ juror: 'J1', entrant: 'A', total: '20/3', corrected: '20/3', trimmed: null });
  });

  test('with five scorecards or more the highest and the lowest corrected scores are marked trimmed', () => {
    const jurors = ['J1', 'J2', 'J3', 'J4', 'J5'];
    const input: RankingInput = {
      ...one, entrants: [{ id: 'A', axis: 'x' }, { id: 'B', axis: 'y' }], jurors,
      evaluations: jurors.flatMap((j, i) => [{ juror: j, entrant: 'A', scores: flat([2, 5, 6, 7, 10][i]!) }, { juror: j, entrant: 'B', scores: flat(5) }]),
    };
    const cards = detailed(input).detail.scorecards.filter((c) => c.entrant === 'A');
    expect(cards.map((c) => c.trimmed)).toEqual(['low', null, null, null, 'high']);
  });

  // The rows a reader shows must add up to the score the ranking computed, under every method
  // that averages corrected scores.
  test('the mean of the scorecards kept is the score, in exact and float64 arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom('satm' as const, 'mean' as const), (seed, method) => {
        const input = { ...generate(12, 7, 6, seed), method };
        const { result, detail } = detailed(input);
        for (const row of result.ranking) {
          const kept = detail.scorecards.filter((c) => c.entrant === row.entrant && c.trimmed === null);
          expect(kept.length).toBe(row.scored - row.trimmed);
          const sum = kept.reduce((s, c) => { const r = parseRational(c.corrected)!; return ratio(s.n * r.d + r.n * s.d, s.d * r.d); }, ratio(0n, 1n));
          expect(compareRational(ratio(sum.n, sum.d * BigInt(kept.length)), parseRational(row.score!)!)).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
    const big = detailed(generate(200, 60, 5, 8));
    expect(big.result.arithmetic).toBe('float64');
    for (const row of big.result.ranking.slice(0, 20)) {
      const kept = big.detail.scorecards.filter((c) => c.entrant === row.entrant && c.trimmed === null);
      const mean = kept.reduce((s, c) => s + Number(c.corrected), 0) / kept.length;
      expect(mean).toBeCloseTo(Number(row.score), 8);
    }
  });

  test.each([
    { why: '2 seats free, one kept for Social: City 1 and City 2 tie for the other', quotas: { count: 4, axisMin: 1, axisMax: 2 }, open: 1, seats: 2 },
    { why: 'no quotas, one seat left: the tie is for it', quotas: { count: 3 }, open: 1, seats: 1 },
    { why: 'one per axis: the two City startups share one prize', quotas: { count: 4, axisMax: 1 }, open: 1, seats: 2 },
  ])('open seats: $why', ({ quotas, open, seats }) => {
    // G1, G2 (green) first, C1 = C2 (city) tied, then S1 (social).
    const order: [string, string, number][] = [['G1', 'green', 9], ['G2', 'green', 8], ['C1', 'city', 7], ['C2', 'city', 7], ['S1', 'social', 5]];
    const input: RankingInput = {
      ...one, jurors: ['J1', 'J2', 'J3'], entrants: order.map(([id, axis]) => ({ id, axis })),
      evaluations: ['J1', 'J2', 'J3'].flatMap((juror) => order.map(([entrant, , v]) => ({ juror, entrant, scores: flat(v) }))),
      selection: quotas, trim: 0,
    };
    const sel = quotas.axisMax === 1 ? { ...input, entrants: input.entrants.map((e) => (e.id === 'G2' ? { ...e, axis: 'blue' } : e)) } : input;
    const { result, detail } = detailed(sel);
    expect(result.selection?.needsChairDecision).toEqual({ entrants: ['C1', 'C2'], seats });
    expect(detail.openSeats).toBe(open);
  });

  // Three identical jurors: equal scores are tied by every rule, so the ranking asks the chair.
  // Once the chair orders the tied, exactly `openSeats` of them are selected, whatever the quotas.
  test('agrees with the selection: the chair’s order selects exactly openSeats of the tied', () => {
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
    let pendingSeen = 0;
    fc.assert(
      fc.property(competition, ({ axes, scores, size, axisMin, axisMax }) => {
        const entrants = axes.map((axis, i) => ({ id: `E${i}`, axis }));
        const input: RankingInput = {
          ...one, entrants, jurors: ['J1', 'J2', 'J3'], trim: 0,
          evaluations: ['J1', 'J2', 'J3'].flatMap((juror) => entrants.map((e, i) => ({ juror, entrant: e.id, scores: flat(scores[i] ?? 1) }))),
          selection: { count: size, ...(axisMin > 0 ? { axisMin } : {}), ...(axisMax !== null ? { axisMax } : {}) },
        };
        const first = rankDetailed(input);
        if (!first.ok) return;
        const pending = first.result.selection?.needsChairDecision;
        if (!pending) {
          expect(first.detail.openSeats).toBeNull();
          return;
        }
        pendingSeen++;
        const settled = rank({ ...input, chairOrder: pending.entrants });
        if (!settled.ok) throw new Error('the chair’s order made the input invalid');
        const chosen = settled.result.selection?.selected.filter((id) => pending.entrants.includes(id)) ?? [];
        expect(first.detail.openSeats).toBe(chosen.length);
        expect(first.detail.openSeats).toBeLessThan(pending.entrants.length);
      }),
      { numRuns: 300 },
    );
    expect(pendingSeen).toBeGreaterThan(20);
  });
});
