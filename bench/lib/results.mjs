// Item 2: results through the API (the deliberation endpoint: ranking with the full robustness
// report), beside the same computation in-process and the ranking package's own rank().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateLargeCompetition, LARGE_ORGANISER } from './large-competition.mjs';
import { api, bindWithPin, cpuMsOf, median, orCleanUp, repoRoot, runJsonChild, startPalmares } from './util.mjs';

const DEMO_ORGANISER = { email: 'organisateur@palmares.example', password: 'casablanca2023' };

async function login(url, { email, password }) {
  const { headers } = await api(`${url}/api/auth/login`, { method: 'POST', body: { email, password } });
  const cookie = headers.getSetCookie().find((c) => c.startsWith('palmares_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0];
}

/**
 * Median wall time of a results call (after one warm-up call, reported apart as `first`; a server
 * started with RESULTS_CACHE_SIZE=0 computes every call, otherwise the next calls read the result
 * cached by fingerprint), and
 * the server's CPU time per call (steadier than wall time on a busy machine). `kind`:
 * 'deliberation' (the ranking with the full robustness report, and the rest of the deliberation
 * screen) or 'ranking' (the round's ranking and proposed selection, no report).
 */
async function timeResults(server, cookie, competitionId, roundId, runs, kind) {
  const path =
    kind === 'deliberation'
      ? `${server.url}/api/competitions/${competitionId}/deliberation/${roundId}`
      : `${server.url}/api/competitions/${competitionId}/rounds/${roundId}/ranking`;
  const times = [];
  const cpu = [];
  let first = null;
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    const c0 = cpuMsOf(server.pid);
    const t0 = performance.now();
    const res = await fetch(path, { headers: { cookie } });
    const text = await res.text();
    const t = performance.now() - t0;
    const c = cpuMsOf(server.pid) - c0;
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
    const body = JSON.parse(text);
    if (kind === 'deliberation' && !body.robustness) throw new Error('the deliberation carries no robustness report');
    bytes = text.length;
    if (i === 0) first = { ms: t, cpuMs: c };
    if (i > 0 || runs === 0) {
      times.push(t);
      cpu.push(c);
    }
  }
  return { ms: median(times), cpuMs: median(cpu), first, times, bytes, path: path.replace(server.url, '') };
}

const inProcess = (dbPath, roundId, runs, report) =>
  runJsonChild([join(repoRoot, 'bench/results-inprocess.mjs'), JSON.stringify({ dbPath, roundId, runs, report })], { timeoutMs: 900_000 });

/** The demo's final scored by all eight jurors through the juror API, then closed by the organiser. */
async function fillDemoFinal(url) {
  let roundId;
  let competitionId;
  let cards = 0;
  for (let j = 1; j <= 8; j++) {
    const bound = await bindWithPin(url, `demo-juror-${j}`);
    const token = bound.deviceToken;
    const { json: state } = await api(`${url}/api/juror/state`, { token });
    roundId = state.round.id;
    competitionId = state.competition.id;
    const criteria = state.competition.criteria.map((c) => c.code);
    const harsh = [0, -1, 1, 0, -2, 1, 0, -1][j - 1];
    for (const [i, e] of state.entrants.entries()) {
      if (e.state === 'recused') continue;
      const changes = criteria.map((criterion, k) => ({
        kind: 'score',
        entrantId: e.id,
        criterion,
        value: Math.max(1, Math.min(10, 9 - Math.floor(i / 2) + harsh + ((i * 7 + k * 3 + j) % 3) - 1)),
        revision: 1,
      }));
      await api(`${url}/api/juror/rounds/${roundId}/changes`, { method: 'POST', token, body: { changes } });
      await api(`${url}/api/juror/rounds/${roundId}/scorecards/${e.id}/submit`, { method: 'POST', token });
      cards++;
    }
  }
  const cookie = await login(url, DEMO_ORGANISER);
  await api(`${url}/api/competitions/${competitionId}/rounds/${roundId}/close`, { method: 'POST', cookie, body: {} });
  return { roundId, competitionId, cookie, cards };
}

export async function demoResultsBench({ runs, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'palmares-bench-demo-'));
  const dbPath = join(dir, 'demo.sqlite');
  // The budget is for computing the results: this server keeps no cache, every call computes.
  let server = await orCleanUp(dir, () => startPalmares({ dbPath, env: { RESULTS_CACHE_SIZE: '0' } }));
  try {
    const { roundId, competitionId, cookie, cards } = await fillDemoFinal(server.url);
    log(`  demo final: ${cards} scorecards submitted through the juror API, round closed`);
    const http = await timeResults(server, cookie, competitionId, roundId, runs, 'deliberation');
    const local = await inProcess(dbPath, roundId, runs, true);
    // The same database behind a server with its default cache: what a repeated read costs.
    await server.stop();
    server = await startPalmares({ dbPath, demo: false });
    const cached = await timeResults(server, await login(server.url, DEMO_ORGANISER), competitionId, roundId, runs, 'deliberation');
    log(
      `  API ${http.path} (no cache): first read ${http.first.ms.toFixed(1)} ms (server CPU ${http.first.cpuMs.toFixed(0)} ms), ` +
        `then ${http.ms.toFixed(1)} ms (server CPU ${http.cpuMs.toFixed(0)} ms, ${(http.bytes / 1024).toFixed(0)} KB of JSON); ` +
        `cached repeat ${cached.ms.toFixed(1)} ms; in-process read ${local.readMs.toFixed(1)} + compute ${local.computeMs.toFixed(1)} ms; rank() ${local.rankMs.toFixed(1)} ms`,
    );
    return { http, cached, local, shape: local.shape };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The large competition. The budgeted figure is the round's ranking (GET .../rounds/:id/ranking,
 * what the organiser's shortlist screen calls) and roundRankingInput + computeRanking in-process;
 * with `report` the deliberation (full robustness report) is timed too, once: it takes tens of
 * seconds at this size (README, Performance).
 */
export async function largeResultsBench({ runs, size, report, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'palmares-bench-large-'));
  const dbPath = join(dir, 'large.sqlite');
  try {
    const t0 = performance.now();
    const { roundId, competitionId, shape } = await generateLargeCompetition(dbPath, size);
    log(`  generated ${shape.entrants} entrants × ${shape.jurors} jurors, ${shape.scorecards} scorecards (${shape.scores} scores) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const local = await inProcess(dbPath, roundId, runs, false);
    log(`  in-process read ${local.readMs.toFixed(0)} (CPU ${local.cpu.readMs.toFixed(0)}) + compute ${local.computeMs.toFixed(0)} ms (CPU ${local.cpu.totalMs.toFixed(0)} ms in all); rank() ${local.rankMs.toFixed(0)} ms (CPU ${local.cpu.rankMs.toFixed(0)} ms)`);
    const server = await startPalmares({ dbPath, demo: false });
    try {
      const cookie = await login(server.url, LARGE_ORGANISER);
      const http = await timeResults(server, cookie, competitionId, roundId, runs, 'ranking');
      log(`  API ${http.path}: ${http.ms.toFixed(0)} ms (server CPU ${http.cpuMs.toFixed(0)} ms, ${(http.bytes / 1024).toFixed(0)} KB of JSON)`);
      let deliberation = null;
      if (report) {
        deliberation = await timeResults(server, cookie, competitionId, roundId, 0, 'deliberation');
        log(`  API ${deliberation.path} (full report, one call): ${deliberation.ms.toFixed(0)} ms (server CPU ${deliberation.cpuMs.toFixed(0)} ms)`);
      }
      return { http, local, shape, deliberation };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
