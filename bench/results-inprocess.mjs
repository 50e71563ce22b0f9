// In-process timings for item 2, in its own process: reading a round's rows from SQLite
// (roundRankingInput) and computing its ranking (computeRanking), with the full robustness report
// as the deliberation endpoint does or without it as the round's ranking endpoint does, and the
// ranking package's rank() alone on the same input. Wall-clock and CPU milliseconds.
// Argument: JSON { dbPath, roundId, runs, report }; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { importRankingDist, importServerDist, median, requireFromServer } from './lib/util.mjs';

const { dbPath, roundId, runs, report } = JSON.parse(process.argv[2]);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const Database = requireFromServer('better-sqlite3');
const { roundRankingInput } = await importServerDist('results/ranking-input.js');
const { computeRanking } = await importServerDist('results/compute.js');
const { rank } = await importRankingDist();

const db = new Database(dbPath, { readonly: true });
const read = [];
const compute = [];
const alone = [];
const cpuRead = [];
const cpuSum = [];
const cpuAlone = [];
let input;
for (let i = 0; i <= runs; i++) {
  let c0 = cpuMs();
  let t0 = performance.now();
  input = roundRankingInput(db, roundId, report ? { report: true } : {});
  const r = performance.now() - t0;
  const cR = cpuMs() - c0;
  t0 = performance.now();
  const result = computeRanking(input);
  const c = performance.now() - t0;
  const cSum = cpuMs() - c0;
  if (report && !result.robustness) throw new Error('no robustness report');
  c0 = cpuMs();
  t0 = performance.now();
  const out = rank(input);
  const a = performance.now() - t0;
  const cA = cpuMs() - c0;
  if (!out.ok) throw new Error('rank() refused the input');
  if (i > 0 || runs === 0) {
    // the first round warms the JIT up
    read.push(r);
    compute.push(c);
    alone.push(a);
    cpuRead.push(cR);
    cpuSum.push(cSum);
    cpuAlone.push(cA);
  }
}
db.close();
const sum = read.map((r, i) => r + compute[i]);
console.log(
  JSON.stringify({
    readMs: median(read),
    computeMs: median(compute),
    totalMs: median(sum),
    rankMs: median(alone),
    ratio: median(sum.map((s, i) => s / alone[i])),
    cpu: { readMs: median(cpuRead), totalMs: median(cpuSum), rankMs: median(cpuAlone) },
    runs: sum.length,
    shape: {
      entrants: input.entrants.length,
      jurors: input.jurors.length,
      scorecards: input.evaluations.length,
      scores: input.evaluations.reduce((n, e) => n + Object.keys(e.scores).length, 0),
    },
  }),
);
