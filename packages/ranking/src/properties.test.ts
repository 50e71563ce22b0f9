import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { competitionArb, permute } from './testing/arbitraries.js';
import { compareRational, parseRational } from './rational.js';
import { rank } from './rank.js';
import type { RankingInput, RankResult } from './types.js';

function run(input: RankingInput): RankResult {
  const out = rank(input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

const keys = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });

describe('properties of the ranking', () => {
  test('any permutation of jurors, entrants, evaluations or score keys gives the identical output', () => {
    fc.assert(
      fc.property(competitionArb(), keys, fc.boolean(), fc.integer({ min: 1, max: 3 }), (input, k, report, count) => {
        const asked: RankingInput = { ...input, report, selection: { count, axisMax: 2 } };
        const shuffled: RankingInput = {
          ...asked,
          entrants: permute(input.entrants, k),
          jurors: permute(input.jurors, [...k].reverse()),
          evaluations: permute(input.evaluations, k).map((ev) => ({
            ...ev,
            scores: Object.fromEntries(permute(Object.entries(ev.scores), k)),
          })),
        };
        expect(run(shuffled)).toEqual(run(asked));
      }),
      { numRuns: 100 },
    );
  });

  test("adding a constant to all of one juror's scores leaves the SATM ranking and selection unchanged", () => {
    fc.assert(
      fc.property(
        competitionArb({ scale: { min: 0, max: 20 }, margin: 5 }), fc.nat(), fc.integer({ min: -5, max: 5 }),
        (input, pick, shift) => {
          const juror = input.jurors[pick % input.jurors.length]!;
          const shifted: RankingInput = {
            ...input,
            evaluations: input.evaluations.map((ev) => ev.juror !== juror ? ev : {
              ...ev, scores: Object.fromEntries(Object.entries(ev.scores).map(([c, s]) => [c, s + shift])),
            }),
          };
          const a = run({ ...input, selection: { count: 2 } });
          const b = run({ ...shifted, selection: { count: 2 } });
          expect(b.ranking.map((r) => [r.entrant, r.rank])).toEqual(a.ranking.map((r) => [r.entrant, r.rank]));
          expect(b.ties.map((t) => [t.rule, t.entrants])).toEqual(a.ties.map((t) => [t.rule, t.entrants]));
          expect(b.selection).toEqual(a.selection);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('with trim 0, raising one score never lowers that entrant’s score nor its rank', () => {
    fc.assert(
      fc.property(competitionArb(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 }), (input, at, which, by) => {
        const base = { ...input, trim: 0 as const };
        const ev = base.evaluations[at % base.evaluations.length]!;
        const criterion = Object.keys(ev.scores)[which % Object.keys(ev.scores).length]!;
        const raised = Math.min(base.scale.max, ev.scores[criterion]! + by);
        fc.pre(raised > ev.scores[criterion]!);
        const higher: RankingInput = {
          ...base,
          evaluations: base.evaluations.map((x) => (x === ev ? { ...x, scores: { ...x.scores, [criterion]: raised } } : x)),
        };
        const row = (r: RankResult) => r.ranking.find((x) => x.entrant === ev.entrant)!;
        const before = row(run(base));
        const after = row(run(higher));
        expect(compareRational(parseRational(after.score!)!, parseRational(before.score!)!)).toBeGreaterThan(0);
        expect(after.rank!).toBeLessThanOrEqual(before.rank!);
      }),
      { numRuns: 150 },
    );
  });

  test('with complete data and trim 0, SATM is the plain mean of the weighted totals', () => {
    fc.assert(
      fc.property(competitionArb({ complete: true }), (input) => {
        const satm = run({ ...input, trim: 0 });
        const mean = run({ ...input, trim: 0, method: 'mean' });
        for (const r of satm.ranking) expect(r.score).toBe(r.rawMean);
        expect(satm.ranking).toEqual(mean.ranking);
      }),
      { numRuns: 100 },
    );
  });
});
