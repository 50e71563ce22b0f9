// Item 1 and 5: score submission through the full stack against the bare endpoint, and the
// server's peak memory during that load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, bindWithPin, cpuMsOf, freePort, median, memoryOf, orCleanUp, repoRoot, requireFromServer, runJsonChild, sleep, startPalmares, startProcess } from './util.mjs';

/** Binds `count` tablets, spread over the demo's eight jurors, and reads what each may score. */
async function bindTablets(url, count) {
  const perJuror = new Map();
  const bindings = [];
  for (let i = 0; i < count; i++) {
    const invite = `demo-juror-${(i % 8) + 1}`;
    const json = await bindWithPin(url, invite);
    if (!perJuror.has(invite)) {
      const { json: state } = await api(`${url}/api/juror/state`, { token: json.deviceToken });
      perJuror.set(invite, state);
    }
    const state = perJuror.get(invite);
    bindings.push({ token: json.deviceToken, juror: invite, entrants: state.entrants.filter((e) => e.state !== 'recused').map((e) => e.id) });
  }
  const state = perJuror.get('demo-juror-1');
  if (!state.round || state.round.state !== 'open') throw new Error('the demo final is not open for scoring');
  return { bindings, roundId: state.round.id, criteria: state.competition.criteria.map((c) => c.code) };
}

function loadRun(config) {
  return runJsonChild([join(repoRoot, 'bench/load.mjs'), JSON.stringify(config)], { timeoutMs: (config.duration + 60) * 1000 });
}

function checkLoad(label, r) {
  if (r.ok === 0 || r.non2xx > 0 || r.errors > 0) {
    throw new Error(`${label}: ${r.ok} answered 2xx, ${r.non2xx} non-2xx, ${r.errors} errors: the harness or the server is broken`);
  }
  return r;
}

export async function submissionBench({ runs, duration, connections = [50, 200], log }) {
  const [few, many] = connections;
  const dir = mkdtempSync(join(tmpdir(), 'palmares-bench-load-'));
  const palmares = await orCleanUp(dir, () => startPalmares({ dbPath: join(dir, 'palmares.sqlite') }));
  const barePort = await freePort();
  const bare = await startProcess({
    args: [join(repoRoot, 'bench/bare-server.mjs')],
    env: { PORT: String(barePort), DATABASE_PATH: join(dir, 'bare.sqlite') },
    readyUrl: `http://127.0.0.1:${barePort}/health`,
    label: 'bare server',
  }).catch(async (e) => {
    await palmares.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  try {
    const { bindings, roundId, criteria } = await bindTablets(palmares.url, many);
    // Each run starts every field above the previous run's revisions; within a run each field counts
    // up by one (the server refuses a revision more than MAX_REVISION_STEP above its own, decision 021).
    let revisionBase = 0;
    const target = {
      palmares: (b) => ({ url: palmares.url, path: `/api/juror/rounds/${roundId}/changes`, bindings: b }),
      bare: (b) => ({ url: `http://127.0.0.1:${barePort}`, path: '/changes', bindings: b.map((x) => ({ ...x, token: null })) }),
    };
    // The servers' CPU time per request handled: steadier than throughput on a busy machine.
    const Database = requireFromServer('better-sqlite3');
    const dbs = { palmares: new Database(join(dir, 'palmares.sqlite'), { readonly: true }), bare: new Database(join(dir, 'bare.sqlite'), { readonly: true }) };
    const rows = {
      palmares: dbs.palmares.prepare('SELECT COUNT(*) FROM score_changes s JOIN scorecards c ON c.id = s.scorecard_id WHERE c.round_id = ?').pluck(),
      bare: dbs.bare.prepare('SELECT COUNT(*) FROM changes').pluck(),
    };
    const count = (which) => (which === 'palmares' ? rows.palmares.get(roundId) : rows.bare.get());
    const pid = { palmares: palmares.pid, bare: bare.pid };
    const once = async (which, connections, changesPerRequest, seconds) => {
      const b = bindings.slice(0, connections);
      const [cpu0, rows0] = [cpuMsOf(pid[which]), count(which)];
      const r = await loadRun({ ...target[which](b), connections, duration: seconds, changesPerRequest, criteria, revisionBase });
      await sleep(300); // requests still in flight when the load stopped
      const handled = (count(which) - rows0) / changesPerRequest;
      r.cpuMsPerRequest = (cpuMsOf(pid[which]) - cpu0) / handled;
      revisionBase += r.revisionsUsed + 1;
      return checkLoad(`${which} ${connections} connections × ${changesPerRequest} change(s)`, r);
    };

    log('  warming up both servers');
    await once('bare', few, 1, 1);
    await once('palmares', few, 1, 1);

    const scenarios = [
      { key: 'c50', connections: few, changes: 1 },
      { key: 'c200', connections: many, changes: 1 },
      { key: 'card50', connections: few, changes: 6 },
    ];
    const samples = Object.fromEntries(scenarios.map((s) => [s.key, []]));
    for (let run = 1; run <= runs; run++) {
      for (const s of scenarios) {
        // Baseline and figure back to back, in alternating order, so drift hits both alike.
        const order = run % 2 ? ['bare', 'palmares'] : ['palmares', 'bare'];
        const pair = {};
        for (const which of order) pair[which] = await once(which, s.connections, s.changes, duration);
        samples[s.key].push(pair);
        log(
          `  run ${run}, ${s.connections} connections × ${s.changes} change(s): Palmares ${pair.palmares.rps.toFixed(0)} req/s ` +
            `(p99 ${pair.palmares.p99} ms, CPU ${pair.palmares.cpuMsPerRequest.toFixed(2)} ms/req), ` +
            `bare ${pair.bare.rps.toFixed(0)} req/s (p99 ${pair.bare.p99} ms, CPU ${pair.bare.cpuMsPerRequest.toFixed(2)} ms/req)`,
        );
      }
    }
    const mem = { palmares: memoryOf(palmares.pid), bare: memoryOf(bare.pid) };
    const stored = await countStored(join(dir, 'palmares.sqlite'), roundId);
    dbs.palmares.close();
    dbs.bare.close();

    const fig = (key, pick, unit, extra) => {
      const pairs = samples[key];
      return {
        value: median(pairs.map((p) => pick(p.palmares))),
        baseline: median(pairs.map((p) => pick(p.bare))),
        ratio: median(pairs.map((p) => pick(p.palmares) / pick(p.bare))),
        unit,
        runs: pairs.length,
        ...extra,
      };
    };
    return {
      connections,
      rps50: fig('c50', (r) => r.rps, 'req/s'),
      p99at50: fig('c50', (r) => r.p99, 'ms'),
      rps200: fig('c200', (r) => r.rps, 'req/s'),
      p99at200: fig('c200', (r) => r.p99, 'ms'),
      cpu50: fig('c50', (r) => r.cpuMsPerRequest, 'ms'),
      cpuCards: fig('card50', (r) => r.cpuMsPerRequest, 'ms'),
      cards50: fig('card50', (r) => r.rps * 6, 'changes/s'),
      cardsP99: fig('card50', (r) => r.p99, 'ms'),
      memory: { value: mem.palmares.hwmMiB, baseline: mem.bare.hwmMiB, ratio: mem.palmares.hwmMiB / mem.bare.hwmMiB, unit: 'MiB', rssAfter: mem.palmares.rssMiB },
      stored,
    };
  } finally {
    await palmares.stop();
    await bare.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the load left in the database: every answered request wrote its change and event. */
async function countStored(dbPath, roundId) {
  const Database = requireFromServer('better-sqlite3');
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      scoreChanges: db
        .prepare('SELECT COUNT(*) FROM score_changes s JOIN scorecards c ON c.id = s.scorecard_id WHERE c.round_id = ?')
        .pluck()
        .get(roundId),
      events: db.prepare("SELECT COUNT(*) FROM events WHERE type = 'score.changed'").pluck().get(),
    };
  } finally {
    db.close();
  }
}
