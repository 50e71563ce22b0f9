#!/usr/bin/env node
// `pnpm bench`: the performance budgets of issue #8, measured on 127.0.0.1 with bounded loops.
// Builds what it needs (`pnpm build`), prints a table and writes bench-results.json as
// [{ name, value, unit, baseline, ratio }]. Every figure is a median of at least 3 runs, and a
// figure with a baseline is measured in the same run as it (these shared machines drift).
//
// `pnpm bench:smoke` (`--smoke`): tiny durations and sizes, one run each; checks the harness and
// prints figures, judges no budget, writes .tmp/bench-results.smoke.json. It builds only when
// nothing is built yet. Other flags: --no-build, --only=load,results,large,web,sync,drain,
// --large-report (also time the deliberation, full report, on the large competition: slow).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { browserBench } from './lib/browser.mjs';
import { demoResultsBench, largeResultsBench } from './lib/results.mjs';
import { submissionBench } from './lib/submission.mjs';
import { syncBench } from './lib/sync.mjs';
import { syncDrainBench } from './lib/sync-drain.mjs';
import { loadAverage, repoRoot } from './lib/util.mjs';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wants = (section) => !only || only.includes(section);
const P = smoke
  ? { runs: 1, loadSeconds: 1, connections: [10, 20], resultRuns: 1, large: { entrants: 1000, jurors: 100, perEntrant: 5 }, webRuns: 1, syncRuns: 1, drainRuns: 1 }
  : { runs: 3, loadSeconds: 5, connections: [50, 200], resultRuns: 3, large: { entrants: 10_000, jurors: 1_000, perEntrant: 5 }, webRuns: 3, syncRuns: 3, drainRuns: 5 };
const started = Date.now();
const log = (line) => console.log(line);

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    nproc: os.availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Build

const built = () =>
  ['apps/server/dist/index.js', 'apps/web/dist/index.html', 'packages/ranking/dist/index.js'].every((f) => existsSync(join(repoRoot, f)));
const notes = [];
if (argv.includes('--no-build') || (smoke && built())) {
  log(smoke ? 'smoke: using the existing build (run `pnpm build` first for fresh code)' : 'not building (--no-build)');
} else {
  log('$ pnpm build');
  const t0 = Date.now();
  const status = spawnSync('pnpm', ['build'], { cwd: repoRoot, stdio: 'inherit' }).status;
  if (status !== 0) {
    if (!built()) {
      console.error('pnpm build failed and nothing is built: no benchmark can run');
      process.exit(1);
    }
    const note = 'pnpm build FAILED: the figures are from the previous build outputs (dist/), which may be stale';
    console.error(`\n${note}\n`);
    notes.push(note);
  } else log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// The benchmarks; one that fails is reported and the others still run.

const m = machine();
const loadBefore = loadAverage();
log(`\nmachine: ${m.nproc} CPUs, ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}; load average ${loadBefore.join(' ')}${smoke ? ' — SMOKE RUN' : ''}`);
const R = {};
const failures = [];
async function section(key, title, fn) {
  if (!wants(key)) return;
  log(`\n${title}`);
  const t0 = Date.now();
  try {
    R[key] = await fn();
  } catch (e) {
    failures.push(`${title}: ${e.message}`);
    console.error(`  FAILED: ${e.stack ?? e.message}`);
  }
  log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

await section('load', `1, 5. Score submission, ${P.runs} run(s) of ${P.loadSeconds} s per figure, Palmares vs bare Hono + SQLite INSERT`, () =>
  submissionBench({ runs: P.runs, duration: P.loadSeconds, connections: P.connections, log }),
);
await section('results', '2a. Results of the demo final through the API (deliberation, full robustness report)', () =>
  demoResultsBench({ runs: P.resultRuns, log }),
);
await section('large', `2b. Results of a generated large competition (${P.large.entrants} entrants × ${P.large.jurors} jurors)`, () =>
  largeResultsBench({ runs: P.resultRuns, size: P.large, report: argv.includes('--large-report'), log }),
);
await section('web', "3. The juror's tablet: JavaScript and time to an interactive scorecard (mobile throttling, cold cache)", () =>
  browserBench({ runs: P.webRuns, log }),
);
await section('sync', '4. Sync: 500 changes queued offline reach the server (protocol level)', () => syncBench({ runs: P.syncRuns, log }));
await section('drain', "4b. Sync: a tablet's queued change reaches the server after it restarts (Chromium, real server stop)", () =>
  syncDrainBench({ runs: P.drainRuns, log }),
);

// ---------------------------------------------------------------------------------------------
// The table

const rows = [];
/** budget: { max } or { min } on `value`, or { minRatio } on the ratio; null: reported as measured. */
function row(name, fig, unit, budget, baselineLabel) {
  if (!fig) return;
  const value = fig.value;
  const baseline = fig.baseline ?? null;
  let ratio = fig.ratio ?? (baseline ? value / baseline : null);
  let verdict = 'reported';
  let budgetText = '—';
  if (budget) {
    if ('minRatio' in budget) {
      budgetText = `ratio ≥ ${budget.minRatio}`;
      verdict = ratio >= budget.minRatio ? 'within budget' : 'OVER BUDGET';
    } else {
      budgetText = `≤ ${budget.max} ${unit}`;
      verdict = value <= budget.max ? 'within budget' : 'OVER BUDGET';
      if (baseline === null) ratio = value / budget.max;
    }
  }
  if (smoke && budget) verdict = '(smoke: not judged)';
  rows.push({ name, value, unit, baseline: baseline ?? budget?.max ?? null, ratio, budgetText, baselineLabel: baseline === null ? (budget?.max ? 'budget' : '') : baselineLabel, verdict });
}

const L = R.load;
if (L) {
  const [few, many] = L.connections;
  row(`submit: 1 change/request, ${few} jurors`, L.rps50, 'req/s', { minRatio: 0.5 }, 'bare INSERT req/s');
  row(`submit: p99 latency, ${few} jurors`, L.p99at50, 'ms', { max: 30 }, 'bare p99');
  row(`submit: 1 change/request, ${many} jurors`, L.rps200, 'req/s', { minRatio: 0.5 }, 'bare INSERT req/s');
  row(`submit: p99 latency, ${many} jurors`, L.p99at200, 'ms', null, 'bare p99');
  row(`submit: server CPU per request, ${few} jurors`, L.cpu50, 'ms', null, 'bare CPU/request');
  row(`submit: scorecards of 6 changes, ${few} jurors`, L.cards50, 'changes/s', null, 'bare, same batches');
  row(`submit: p99 latency, scorecards of 6, ${few} jurors`, L.cardsP99, 'ms', null, 'bare p99');
  row(`submit: server CPU per scorecard request, ${few} jurors`, L.cpuCards, 'ms', null, 'bare CPU/request');
  row('server peak RSS (VmHWM) during the load', L.memory, 'MiB', null, 'bare server VmHWM');
}
const D = R.results;
if (D) {
  row('results: demo final via API, full report (computed, no cache)', { value: D.http.ms, baseline: D.local.rankMs }, 'ms', { max: 300 }, 'rank() in-process');
  row('results: demo final via API, repeated read (cached)', { value: D.cached.ms, baseline: D.http.ms }, 'ms', null, 'computed');
  row('results: demo final in-process (read + compute)', { value: D.local.totalMs, baseline: D.local.rankMs }, 'ms', { max: 300 }, 'rank() in-process');
  row('results: demo final via API, server CPU per call', { value: D.http.cpuMs, baseline: D.local.cpu.rankMs }, 'ms', null, 'rank() CPU in-process');
}
const G = R.large;
if (G) {
  const label = `${G.shape.entrants / 1000}k × ${G.shape.jurors}`;
  row(`results: ${label} via API (round ranking)`, { value: G.http.ms, baseline: G.local.rankMs }, 'ms', { max: 1000 }, 'rank() in-process');
  row(`results: ${label} in-process (SQLite read + compute)`, { value: G.local.totalMs, baseline: G.local.rankMs }, 'ms', { max: 1000 }, 'rank() in-process');
  row(`results: ${label} via API, server CPU per call`, { value: G.http.cpuMs, baseline: G.local.cpu.rankMs }, 'ms', null, 'rank() CPU in-process');
  if (G.deliberation) row(`results: ${label} via API, full report (1 call)`, { value: G.deliberation.ms, baseline: G.local.rankMs }, 'ms', { max: 1000 }, 'rank() without report');
}
const W = R.web;
if (W) {
  const what = W.what === 'scorecard' ? 'scorecard' : 'APP SHELL (no scorecard route)';
  row(`tablet: JS before the ${what} is interactive, gzipped`, { value: W.gzipKB }, 'KB', { max: 160 });
  row(`tablet: navigation to an interactive ${what}, mobile throttling`, { value: W.ms }, 'ms', { max: 2500 });
}
const S = R.sync;
if (S) {
  row('sync: 500 offline changes, batches of 500 (the UI\'s)', { value: S.batch500.ms }, 'ms', { max: 5000 });
  row('sync: 500 offline changes, batches of 100', { value: S.batch100.ms }, 'ms', { max: 5000 });
}
const Q = R.drain;
if (Q) row(`sync: queue drain after the server returns (median of ${Q.runs})`, { value: Q.ms }, 'ms', { max: 2000 });

const fmt = (x, unit) => {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (unit === 'KB' || unit === 'MiB') return x.toFixed(1);
  if (Math.abs(x) < 10) return x.toFixed(2);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  return x.toFixed(1);
};
const table = [
  ['name', 'measured', 'unit', 'budget', 'baseline', 'ratio', 'verdict'],
  ...rows.map((r) => [
    r.name,
    fmt(r.value, r.unit),
    r.unit,
    r.budgetText,
    r.baseline === null ? '—' : `${fmt(r.baseline, r.unit)}${r.baselineLabel ? ` (${r.baselineLabel})` : ''}`,
    r.ratio === null || r.ratio === undefined ? '—' : r.ratio.toFixed(2),
    r.verdict,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((t) => t[i].length)));
log(`\n${table.map((t) => t.map((c, i) => (i === 1 || i === 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')).join('\n')}`);
const markdown = [
  `| ${table[0].join(' | ')} |`,
  `|${table[0].map((_, i) => (i === 1 || i === 5 ? '---:' : '---')).join('|')}|`,
  ...table.slice(1).map((t) => `| ${t.join(' | ')} |`),
].join('\n');

const loadAfter = loadAverage();
const minutes = ((Date.now() - started) / 60000).toFixed(1);
const details = [
  `machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after`,
  L && `load: ${L.stored.scoreChanges} score changes and ${L.stored.events} score events stored by Palmares; server RSS after the load ${L.memory.rssAfter.toFixed(0)} MiB`,
  D && `demo final: ${D.shape.scorecards} scorecards; API ${D.http.path} median ${D.http.ms.toFixed(0)} ms, server CPU ${D.http.cpuMs.toFixed(0)} ms per call, ${(D.http.bytes / 1024).toFixed(0)} KB; in-process read ${D.local.readMs.toFixed(1)} + compute ${D.local.computeMs.toFixed(1)} ms`,
  G && `large: ${G.shape.entrants} entrants, ${G.shape.jurors} jurors, ${G.shape.scorecards} scorecards (${G.shape.scores} scores); API ${G.http.path} median ${G.http.ms.toFixed(0)} ms, server CPU ${G.http.cpuMs.toFixed(0)} ms per call; in-process read ${G.local.readMs.toFixed(0)} + compute ${G.local.computeMs.toFixed(0)} ms (CPU ${G.local.cpu.totalMs.toFixed(0)} ms), rank() CPU ${G.local.cpu.rankMs.toFixed(0)} ms`,
  W && `tablet: ${W.what} ${W.path}; ${W.rawKB.toFixed(0)} KB of JS as served; files: ${W.files.map((f) => `${f.url} ${f.gzipKB} KB gz (${f.encoding})`).join(', ')}${W.note ? `; ${W.note}` : ''}`,
  ...notes,
  ...failures.map((f) => `FAILED ${f}`),
  `${smoke ? 'smoke run' : 'full run'} in ${minutes} min`,
].filter(Boolean);
log(`\n${details.join('\n')}`);

const results = rows.map((r) => ({ name: r.name, value: +r.value.toFixed(3), unit: r.unit, baseline: r.baseline === null ? null : +r.baseline.toFixed(3), ratio: r.ratio === null || r.ratio === undefined ? null : +r.ratio.toFixed(3) }));
const out = smoke ? join(repoRoot, '.tmp/bench-results.smoke.json') : join(repoRoot, 'bench-results.json');
mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
writeFileSync(`${out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
writeFileSync(join(repoRoot, `.tmp/bench-table${smoke ? '.smoke' : ''}.md`), `${markdown}\n\n${details.map((d) => `- ${d}`).join('\n')}\n`);
log(`\nwrote ${out.replace(repoRoot, '')}`);
if (failures.length > 0) {
  console.error(`${failures.length} benchmark(s) failed`);
  process.exit(1);
}
