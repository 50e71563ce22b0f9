import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { competitionArb } from '../testing/arbitraries.js';
import { competition, flatCards } from '../testing/fixtures.js';
import { rank } from '../rank.js';
import type { RankingInput, RankResult, RobustnessReport } from '../types.js';

function report(input: RankingInput): RobustnessReport {
  const out = rank({ ...input, report: true });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result.robustness!;
}

const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? Number.NaN), 0);

describe('the robustness report', () => {
  test('bootstrap pFirst sums to 1 and pSelected to count', () => {
    fc.assert(
      fc.property(competitionArb({ maxJurors: 5 }), fc.integer({ min: 1, max: 3 }), (input, count) => {
        const r = report({ ...input, selection: { count: Math.min(count, input.entrants.length) } });
        expect(r.bootstrap.exact).toBe(true);
        expect(sum(r.bootstrap.entrants.map((e) => e.pFirst))).toBeCloseTo(1, 4);
        expect(sum(r.bootstrap.entrants.map((e) => e.pSelected))).toBeCloseTo(Math.min(count, input.entrants.length), 4);
      }),
      { numRuns: 60 },
    );
  });

  test('above 8 jurors the bootstrap draws 2,000 resamples, the same ones for the same competition', () => {
    const jurors = Array.from({ length: 10 }, (_, j) => `J${j}`);
    const scores = (base: number) => jurors.map((_, j) => Math.max(1, Math.min(10, base + ((j * 7) % 3) - 1)));
    const input = competition({ A: 'x', B: 'x', C: 'y' }, jurors, flatCards({ A: scores(8), B: scores(7), C: scores(4) }, jurors), {
      selection: { count: 2 },
    });
    const a = report(input);
    expect(a.bootstrap.exact).toBe(false);
    expect(a.bootstrap.resamples + a.bootstrap.discarded).toBe(2000);
    expect(sum(a.bootstrap.entrants.map((e) => e.pSelected))).toBeCloseTo(2, 6);
    expect(report({ ...input, jurors: [...jurors].reverse() })).toEqual(a);
  });

  test('a clear-cut final is ROBUST', () => {
    const J = ['J1', 'J2', 'J3', 'J4', 'J5'];
    const r = report(competition({ A: 'x', B: 'x', C: 'x' }, J, flatCards({ A: [9, 9, 8, 9, 10], B: [6, 5, 6, 5, 6], C: [2, 3, 2, 2, 3] }, J), {
      selection: { count: 1 },
    }));
    expect(r.reasons).toEqual([]);
    expect(r.banner).toBe('ROBUST');
    expect(r.bootstrap.entrants[0]).toEqual({ entrant: 'A', pFirst: 1, pSelected: 1 });
    expect(r.leaveOneJurorOut.every((l) => !l.changed)).toBe(true);
    expect(r.alpha).toBeGreaterThan(0.9);
  });

  test('a pending chair decision and a tie at the top put the result under REVIEW', () => {
    const r = report(competition({ X: 'x', Y: 'x', Z: 'x', W: 'x' }, ['J1', 'J2', 'J3'],
      flatCards({ X: [9, 7, 8], Y: [8, 9, 7], Z: [7, 8, 9], W: [5, 5, 5] }), { selection: { count: 1 } }));
    expect(r.banner).toBe('REVIEW');
    const codes = r.reasons.map((x) => x.code);
    expect(codes).toContain('PENDING_CHAIR_DECISION');
    expect(codes).toContain('SMALL_FLIP_MARGIN');
    expect(r.flipMargin?.change).toBe(0);
    expect(r.bootstrap.entrants.find((e) => e.entrant === 'W')?.pFirst).toBe(0);
  });

  test('the flip margin is the smallest change of one total that levels first and second', () => {
    // Q leads P by 1/2 (example 5); trim 0 keeps the score linear in each total.
    const r = report(competition({ P: 'x', Q: 'x', R: 'x', S: 'x' }, ['H', 'M', 'L'],
      flatCards({ P: [null, 8, 9], Q: [6, 8, 10], R: [4, 6, 8], S: [2, 4, 6] }, ['H', 'M', 'L']),
      { recusals: [{ juror: 'H', entrant: 'P' }], trim: 0 }));
    expect(r.flipMargin).not.toBeNull();
    expect(r.flipMargin!.change).toBeGreaterThan(0);
    expect(r.flipMargin!.change).toBeLessThanOrEqual(2);
    expect(r.methods.mean?.selected).toEqual(['P']);
    expect(r.reasons.map((x) => x.code)).toContain('METHOD_CHANGES_SELECTION');
  });

  test('a juror who ranks against everyone else is flagged OUTLIER_JUROR, one who gives one total NON_DISCRIMINATING_JUROR', () => {
    const J = ['J1', 'J2', 'J3', 'Jrev', 'Jflat'];
    const out = rank(competition({ A: 'x', B: 'x', C: 'x', D: 'x' }, J,
      flatCards({ A: [9, 9, 8, 3, 6], B: [7, 7, 7, 5, 6], C: [5, 6, 5, 7, 6], D: [3, 2, 3, 9, 6] }, J), { report: true }));
    if (!out.ok) throw new Error('invalid');
    const r: RankResult = out.result;
    expect(r.flags).toEqual([
      { code: 'NON_DISCRIMINATING_JUROR', juror: 'Jflat' },
      { code: 'OUTLIER_JUROR', juror: 'Jrev' },
    ]);
    const rev = r.robustness!.jurors.find((j) => j.juror === 'Jrev')!;
    expect(rev.consensus).toBeLessThan(0);
    expect(rev.flags).toEqual(['OUTLIER_JUROR']);
  });
});

test('when every resample leaves an entrant unscored, the probabilities are null and raise no alarm', () => {
  // Each entrant has a single scorecard: any resample that misses its juror leaves it unscored,
  // and with 10 jurors the seeded draws practically never keep all of them.
  const jurors = Array.from({ length: 10 }, (_, j) => `J${j}`);
  const names = jurors.map((_, j) => `E${j}`);
  const input = competition(Object.fromEntries(names.map((e) => [e, 'x'])), jurors,
    names.flatMap((e, j) => flatCards({ [e]: [j % 9 + 1] }, [jurors[j]!])), { method: 'mean', selection: { count: 2 } });
  const r = report(input);
  expect(r.bootstrap.resamples).toBe(0);
  expect(r.bootstrap.entrants.every((e) => e.pFirst === null && e.pSelected === null)).toBe(true);
  expect(r.reasons.map((x) => x.code)).not.toContain('LOW_SELECTION_PROBABILITY');
});
