// Item 4, at the protocol level: a tablet reconnects with 500 changes queued offline and sends
// them as the juror UI's sync loop does (apps/web/src/features/juror/lib/sync-loop.ts: batches of
// MAX_CHANGES_PER_BATCH = 500, one after the other); timed from the first request until the
// server's score_changes hold all 500. Also with batches of 100, for comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { api, bindWithPin, median, orCleanUp, requireFromServer, sleep, startPalmares } from './util.mjs';

const QUEUED = 500;

export async function syncBench({ runs, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'palmares-bench-sync-'));
  const dbPath = join(dir, 'sync.sqlite');
  const server = await orCleanUp(dir, () => startPalmares({ dbPath }));
  const Database = requireFromServer('better-sqlite3');
  const db = new Database(dbPath, { readonly: true });
  try {
    const bound = await bindWithPin(server.url, 'demo-juror-3');
    const token = bound.deviceToken;
    const { json: state } = await api(`${server.url}/api/juror/state`, { token });
    const roundId = state.round.id;
    const criteria = state.competition.criteria.map((c) => c.code);
    const entrants = state.entrants.filter((e) => e.state !== 'recused').map((e) => e.id);
    const held = db.prepare(
      `SELECT COUNT(*) FROM score_changes s JOIN scorecards c ON c.id = s.scorecard_id
       WHERE c.juror_id = ? AND c.round_id = ?`,
    ).pluck();
    // Each field's revision counts up on the tablet, as the outbox does.
    const revision = new Map();
    const queue = () =>
      Array.from({ length: QUEUED }, (_, i) => {
        const entrantId = entrants[i % entrants.length];
        const criterion = criteria[Math.floor(i / entrants.length) % criteria.length];
        const key = `${entrantId}:${criterion}`;
        const rev = (revision.get(key) ?? 0) + 1;
        revision.set(key, rev);
        return { kind: 'score', entrantId, criterion, value: 1 + ((i + rev) % 10), revision: rev };
      });

    const once = async (batchSize) => {
      const changes = queue();
      const before = held.get(state.juror.id, roundId);
      const t0 = performance.now();
      for (let i = 0; i < changes.length; i += batchSize) {
        const { json } = await api(`${server.url}/api/juror/rounds/${roundId}/changes`, { method: 'POST', token, body: { changes: changes.slice(i, i + batchSize) } });
        if (json.applied !== Math.min(batchSize, changes.length - i)) throw new Error(`sync: ${json.applied} applied of a batch of ${batchSize}`);
      }
      while (held.get(state.juror.id, roundId) - before < QUEUED) {
        if (performance.now() - t0 > 60_000) throw new Error('sync: the server never held all the changes');
        await sleep(5);
      }
      return performance.now() - t0;
    };

    await once(500); // warm-up, not counted
    const by500 = [];
    const by100 = [];
    for (let r = 0; r < runs; r++) {
      by500.push(await once(500));
      by100.push(await once(100));
    }
    log(`  500 queued changes: ${by500.map((t) => t.toFixed(0)).join(', ')} ms in one batch of 500; ${by100.map((t) => t.toFixed(0)).join(', ')} ms in batches of 100`);
    return { batch500: { ms: median(by500), runs: by500.length }, batch100: { ms: median(by100), runs: by100.length } };
  } finally {
    db.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
