import fc from 'fast-check';
import { expect, test } from 'vitest';
import { floatScores, headGroups, tiedGroups } from '../scores.js';
import { walk, type WalkQuotas } from '../selection.js';
import { fills } from './bootstrap.js';

test('walking only the head of a long float order selects what walking the whole order does', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 100, maxLength: 300 }),
      fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 300, maxLength: 300 }),
      fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 4 }),
      (raw, axes, count, min, max) => {
        // Scores on a 1e-10 grid so that neighbours within the tolerance chain into ties.
        const s = floatScores(Float64Array.from(raw, (x) => x / 4 + (x % 3) * 1e-10), 1e-9);
        const members = raw.map((_, e) => e);
        const q: WalkQuotas = { count, min: new Map([['c', Math.min(min, count)]]), max: new Map([['a', max]]) };
        const axisOf = (e: number) => axes[e]!;
        const full = tiedGroups(s, members);
        const head = headGroups(s, members, 4 * count + 32);
        fc.pre(head.complete || fills(head.groups, axisOf, q));
        expect(head.groups[0]).toEqual(full[0]);
        const shares = (groups: number[][]) => {
          const out: number[] = [];
          const r = walk(groups, axisOf, q, (eligible, _s, maximal) => eligible.forEach((e) => out.push(e, maximal.length / eligible.length)));
          return [r.selected, r.skipped, out];
        };
        expect(shares(head.groups)).toEqual(shares(full));
      },
    ),
    { numRuns: 100 },
  );
});
