/**
 * Writes the inputs of the ranking CLI's golden files (packages/ranking/src/testing/cli-golden):
 * the worked examples, generated competitions under every method and option, and the demo's
 * round 1 and final as the server builds them. Run once to pin the CLI before a refactor:
 *   node --conditions=@palmares/source --import tsx scripts/pin-ranking-cli-inputs.ts
 * then record each output with `pnpm rank < x.input.json > x.output.json`.
 */
import { writeFileSync } from 'node:fs';
import { generate } from '../packages/ranking/src/testing/generate.js';
import { card, competition, flat, flatCards } from '../packages/ranking/src/testing/fixtures.js';
import type { RankingInput } from '../packages/ranking/src/types.js';
import { closedFinal } from '../apps/server/src/results/final-fixture.js';
import { roundRankingInput } from '../apps/server/src/results/ranking-input.js';

const dir = new URL('../packages/ranking/src/testing/cli-golden/', import.meta.url);
const out: Record<string, unknown> = {};
const J = ['J1', 'J2', 'J3'];

out['ex1-exact-impact'] = competition({ A: 'x', B: 'x' }, J, [
  card('J1', 'A', [6, 6, 9, 5, 8, 8]), card('J2', 'A', [5, 5, 7, 7, 8, 8]), card('J3', 'A', [9, 8, 5, 8, 7, 6]),
  card('J1', 'B', [5, 5, 5, 9, 9, 6]), card('J2', 'B', [6, 7, 9, 6, 6, 9]), card('J3', 'B', [9, 5, 7, 9, 8, 5]),
]);
out['ex2-equal-totals'] = competition({ X: 'x', Y: 'x', Z: 'x' }, J, J.flatMap((j) => [
  card(j, 'X', [9, 7, 7, 7, 7, 5]), card(j, 'Y', [7, 8, 7, 7, 7, 8]), card(j, 'Z', flat(7)),
]));
out['ex4-cycle'] = competition({ X: 'x', Y: 'x', Z: 'x', W: 'x' }, J, flatCards({ X: [9, 7, 8], Y: [8, 9, 7], Z: [7, 8, 9], W: [5, 5, 5] }));
out['ex4-cycle-chair'] = { ...(out['ex4-cycle'] as RankingInput), chairOrder: ['Z', 'X', 'Y'] };
out['ex6-axis-max'] = competition(
  { A: 'fintech', B: 'fintech', C: 'health', D: 'fintech', E: 'climate', F: 'edu' }, J,
  flatCards({ A: [9, 9, 9], B: [9, 8, 9], C: [8, 8, 9], D: [9, 8, 8], E: [8, 8, 8], F: [7, 8, 7] }),
  { selection: { count: 3, axisMax: 1 } },
);
const order7 = ['X1', 'X2', 'X3', 'Y1', 'X4', 'Y2', 'Z1', 'Z2'];
out['ex7-shortlist-quotas'] = competition(
  Object.fromEntries(order7.map((e) => [e, e[0]!.toLowerCase()])), ['J1'],
  order7.map((e, i) => card('J1', e, flat(10 - i))),
  { selection: { count: 4, axisMin: 1, axisMax: 2 }, method: 'mean' },
);
out['pending-tie'] = competition({ P: 'x', Q: 'y', R: 'z' }, J, flatCards({ P: [9, 9, 9], Q: [7, 7, 7], R: [7, 7, 7] }), {
  selection: { count: 2 },
});
out['recusal-missing'] = competition({ P: 'x', Q: 'x', R: 'y', S: 'y' }, J, flatCards({ P: [9, null, 6], Q: [5, 8, 8], R: [4, 4, null], S: [null, null, null] }), {
  recusals: [{ juror: 'J2', entrant: 'P' }],
});
for (const method of ['satm', 'mean', 'median', 'zscore'] as const) {
  out[`gen-24x8-${method}`] = { ...generate(24, 8, 6, 11), method };
  out[`gen-24x8-${method}-notrim`] = { ...generate(24, 8, 6, 12), method, trim: 0 };
}
out['gen-12x8-report-award'] = { ...generate(12, 8, 8, 5), selection: { count: 3, axisMax: 1 }, report: true };
out['gen-40x10-shortlist'] = { ...generate(40, 10, 5, 7), selection: { count: 12, axisMin: 2, axisMax: 4 } };
out['gen-60x12-report-shortlist'] = { ...generate(60, 12, 5, 9), selection: { count: 12, axisMin: 1, axisMax: 4 }, report: true };
out['gen-300x60-float64'] = { ...generate(300, 60, 5, 3), selection: { count: 20, axisMax: 6 } };
out['gen-300x60-float64-mean'] = { ...generate(300, 60, 5, 4), method: 'mean' };

for (const [name, tie] of [['demo-final', false], ['demo-final-tie', true]] as const) {
  const f = await closedFinal({ tie });
  out[name] = roundRankingInput(f.db, f.roundId, {});
  out[`${name}-report`] = roundRankingInput(f.db, f.roundId, { report: true });
  if (name === 'demo-final') {
    const round1 = f.db.prepare("SELECT id FROM rounds WHERE kind = 'shortlist'").pluck().get() as number;
    out['demo-round1'] = roundRankingInput(f.db, round1, {});
    out['demo-round1-report'] = roundRankingInput(f.db, round1, { report: true });
  }
}
for (const [name, input] of Object.entries(out)) writeFileSync(new URL(`${name}.input.json`, dir), `${JSON.stringify(input)}\n`);
console.log(Object.keys(out).length, 'inputs');
