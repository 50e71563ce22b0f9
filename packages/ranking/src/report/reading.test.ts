import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { rankDetailed } from '../rank.js';
import type { RankingInput } from '../types.js';

const golden = (name: string): RankingInput =>
  JSON.parse(readFileSync(new URL(`../testing/cli-golden/${name}.input.json`, import.meta.url), 'utf8')) as RankingInput;

const detailed = (input: RankingInput) => {
  const out = rankDetailed(input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out;
};

/** The demo final's tie fixture with the second startup raised level with the first. */
function tiedAtTheTop(chairOrder?: string[]): RankingInput {
  const input = golden('demo-final-tie-report');
  const evaluations = input.evaluations.map((e) => (e.entrant === '18' ? { ...e, scores: Object.fromEntries(Object.keys(e.scores).map((k) => [k, 9])) } : e));
  return { ...input, evaluations, ...(chairOrder ? { chairOrder } : {}) };
}

test('without a juror who changes the selection, the reading names each place that changes and who would take it', () => {
  const { result, detail } = detailed(golden('demo-final-report'));
  const reading = detail.reading!;
  expect(result.selection!.selected).toEqual(['22', '1', '7']);
  const juror4 = reading.leaveOneOut.find((l) => l.juror === '4')!;
  expect(juror4.changes).toEqual([
    { place: 2, official: '1', instead: '7' },
    { place: 3, official: '7', instead: '18' },
  ]);
  expect(reading.leaveOneOut.map((l) => l.juror)).toEqual(['1', '4', '5', '7', '8']);
  expect(reading.winner).toEqual({ entrant: '22', pFirst: 0.958389 });
  expect(reading.banner).toBe('REVIEW');
  expect(reading.reasons).toEqual(result.robustness!.reasons);
});

test('a tie at the top the chair settled is not flagged again, while the report itself still lists it', () => {
  const open = detailed(tiedAtTheTop()).detail.reading!;
  expect(open.reasons.map((r) => r.code)).toContain('SMALL_FLIP_MARGIN');
  const settled = detailed(tiedAtTheTop(['18', '20', '6', '1']));
  expect(settled.result.robustness!.reasons.map((r) => r.code)).toContain('SMALL_FLIP_MARGIN');
  expect(settled.detail.reading!.reasons.map((r) => r.code)).not.toContain('SMALL_FLIP_MARGIN');
  expect(settled.detail.reading!.banner).toBe('ROBUST');
});

test('the tie rules are listed in the order the chain tries them, the chair last when given', () => {
  const input = golden('demo-final-report');
  const byWeight = [...input.criteria].map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map(({ c }) => `criterion:${c.id}`);
  expect(detailed(input).detail.tieRules).toEqual([...byWeight, 'head-to-head', 'countback']);
  expect(detailed({ ...input, chairOrder: ['22'] }).detail.tieRules.at(-1)).toBe('chair');
  expect(detailed({ ...input, report: false }).detail.reading).toBeNull();
});

test('the harshest and the most lenient juror are named when they stand out by half a point', () => {
  // Offsets in the demo final: juror 5 at −1.68, juror 3 at +1.27 (juror 6 close behind at +1.25).
  expect(detailed(golden('demo-final-report')).detail.reading).toMatchObject({ harsh: '5', lenient: '3' });
  // Flat scores, every juror alike: nobody stands out.
  expect(detailed(golden('demo-final-tie-report')).detail.reading).toMatchObject({ harsh: null, lenient: null });
});
