/**
 * `pnpm bench:ranking`: medians of several runs of `rank()` on generated competitions, printed
 * beside the budgets. Not a test: timings depend on the machine; the budgets are for the project's
 * 2-core reference machine.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { compute } from '../src/compute.js';
import { modelFingerprint } from '../src/fingerprint.js';
import { rank } from '../src/rank.js';
import { validate } from '../src/validate.js';
import { generate } from '../src/testing/generate.js';
import type { RankingInput } from '../src/types.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Median wall-clock and CPU milliseconds (CPU time is the steadier figure on a busy machine). */
function measure(input: RankingInput, runs: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    const out = rank(input);
    const c = cpuMs() - c0;
    const t = performance.now() - t0;
    if (!out.ok) throw new Error(`benchmark input is invalid: ${JSON.stringify(out.errors.slice(0, 3))}`);
    if (r > 0 || runs === 1) {
      // the first run warms the JIT up
      wall.push(t);
      cpu.push(c);
    }
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const final = generate(12, 8, 8, 1);
const shortlist = generate(24, 20, 20, 2);
const large = generate(10_000, 1_000, 5, 3);
const cases: { name: string; input: RankingInput; runs: number; budget: number | null }[] = [
  { name: 'final 12 × 8, full report', input: { ...final, selection: { count: 3, axisMax: 1 }, report: true }, runs: 9, budget: 250 },
  { name: 'final 12 × 8, ranking only', input: { ...final, selection: { count: 3, axisMax: 1 } }, runs: 9, budget: null },
  { name: 'shortlist 24 × 20, ranking', input: { ...shortlist, selection: { count: 12, axisMin: 2, axisMax: 4 } }, runs: 9, budget: null },
  { name: 'shortlist 24 × 20, full report', input: { ...shortlist, selection: { count: 12, axisMin: 2, axisMax: 4 }, report: true }, runs: 5, budget: null },
  { name: '10k × 1k, 50 cards/juror (300k scores)', input: { ...large, selection: { count: 100, axisMin: 10 } }, runs: 5, budget: 200 },
];
if (!process.argv.includes('--quick')) {
  cases.push({ name: '10k × 1k, 50 cards/juror, full report', input: { ...large, selection: { count: 100, axisMin: 10 }, report: true }, runs: 1, budget: null });
  const heavy = generate(10_000, 1_000, 50, 4);
  cases.push({ name: '10k × 1k, 50 cards/entrant (3M scores)', input: { ...heavy, selection: { count: 100 } }, runs: 3, budget: null });
}

console.log(`${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (wall-clock figures assume an idle machine)`);
console.log(`${'case'.padEnd(46)} ${'wall ms'.padStart(9)} ${'cpu ms'.padStart(9)} ${'budget'.padStart(7)}  verdict (on wall-clock median)`);
for (const c of cases) {
  const { wall, cpu } = measure(c.input, c.runs);
  const verdict = c.budget === null ? '' : wall <= c.budget ? 'within budget' : 'OVER BUDGET';
  const budget = c.budget === null ? '—' : String(c.budget);
  console.log(`${c.name.padEnd(46)} ${wall.toFixed(1).padStart(9)} ${cpu.toFixed(1).padStart(9)} ${budget.padStart(7)}  ${verdict}`);
}

// Where the large round's time goes (CPU medians of 5 runs after one warm-up).
const phases: Record<string, number[]> = { validate: [], fingerprint: [], 'method + chain + selection': [] };
for (let r = 0; r < 6; r++) {
  let t = cpuMs();
  const v = validate({ ...large, selection: { count: 100, axisMin: 10 } });
  if (!v.ok) throw new Error('invalid');
  const lap = (name: string): void => {
    const now = cpuMs();
    if (r > 0) phases[name]!.push(now - t);
    t = now;
  };
  lap('validate');
  modelFingerprint(v.model);
  lap('fingerprint');
  compute(v.model, v.model.cards, v.model.method, v.model.quotas, undefined, true);
  lap('method + chain + selection');
}
console.log(`10k × 1k phases (cpu ms): ${Object.entries(phases).map(([k, xs]) => `${k} ${median(xs).toFixed(1)}`).join(', ')}`);
