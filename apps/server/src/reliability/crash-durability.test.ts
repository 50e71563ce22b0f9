import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/open-db.js';
import { verifyChain } from '../lib/event-log.js';
import { bindWithPin } from '../test-utils.js';
import { seededRandom, startServerProcess, type ServerProcess } from './support/server-process.js';

// docs/product.md: "A score acknowledged to a client survives a crash of the server process at any
// moment". The real server runs on a temporary file; 50 simulated tablets send score batches
// while the process is killed with SIGKILL at seeded random moments, then restarted.

const SEED = Number(process.env.CRASH_SEED ?? 20260613);
const SIMULATED_JURORS = 50;
const KILLS = 5;
const CRITERIA = ['innovation', 'impact', 'feasibility', 'market', 'team', 'pitch'] as const;

interface SentChange { jurorId: number; entrantId: number; criterion: string; revision: number; value: number }
interface Batch { entrantId: number; changes: SentChange[] }

/** One tablet: owns some (juror, entrant) scorecards alone, so its revisions never collide. */
interface Sim { jurorId: number; token: string; entrants: number[]; revision: Map<string, number>; pending: Batch | null }

const dir = mkdtempSync(join(tmpdir(), 'palmares-crash-'));
const dbPath = join(dir, 'crash.sqlite');
let running: ServerProcess | undefined;
afterAll(async () => {
  // Whatever happened, no server outlives the suite.
  await running?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function readOnly(path: string): Db {
  return new Database(path, { readonly: true, fileMustExist: true });
}

async function bindSims(server: ServerProcess, finalRoundPairs: { juror_id: number; entrant_id: number; invite_token: string }[]) {
  const byJuror = new Map<number, { token: string; entrants: number[] }>();
  for (const p of finalRoundPairs) {
    const j = byJuror.get(p.juror_id) ?? { token: p.invite_token, entrants: [] };
    j.entrants.push(p.entrant_id);
    byJuror.set(p.juror_id, j);
  }
  const jurors = [...byJuror.entries()];
  // Deal each juror's scorecards out to that juror's tablets (50 tablets over 8 jurors).
  const owners: { jurorId: number; invite: string; entrants: number[] }[] = [];
  for (let i = 0; i < SIMULATED_JURORS; i++) {
    const [jurorId, j] = jurors[i % jurors.length]!;
    owners.push({ jurorId, invite: j.token, entrants: [] });
  }
  for (const [jurorId, j] of jurors) {
    const mine = owners.filter((o) => o.jurorId === jurorId);
    j.entrants.forEach((e, k) => mine[k % mine.length]!.entrants.push(e));
  }
  const sims: Sim[] = [];
  for (const o of owners) {
    const deviceToken = await bindWithPin(
      (path, body, headers = {}) =>
        fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
      o.invite,
    );
    sims.push({ jurorId: o.jurorId, token: deviceToken, entrants: o.entrants, revision: new Map(), pending: null });
  }
  return sims;
}

function nextBatch(sim: Sim, rnd: ReturnType<typeof seededRandom>): Batch {
  const entrantId = sim.entrants[rnd.int(0, sim.entrants.length - 1)]!;
  const count = rnd.int(1, CRITERIA.length);
  const changes: SentChange[] = [];
  for (const criterion of CRITERIA.slice(0, count)) {
    const key = `${entrantId}:${criterion}`;
    const revision = (sim.revision.get(key) ?? 0) + 1;
    sim.revision.set(key, revision);
    changes.push({ jurorId: sim.jurorId, entrantId, criterion, revision, value: rnd.int(1, 10) });
  }
  return { entrantId, changes };
}

describe('crash durability', () => {
  test(
    `every score batch the server acknowledged survives ${KILLS} SIGKILLs of the process, stored exactly once, and the event log verifies (seed ${SEED})`,
    { timeout: 240_000 },
    async () => {
      const rnd = seededRandom(SEED);
      let server = await startServerProcess(dbPath, { demo: true });
      running = server;

      const probe = readOnly(dbPath);
      const finalRound = probe.prepare("SELECT id FROM rounds WHERE kind = 'final' AND state = 'open'").pluck().get() as number;
      const pairs = probe
        .prepare(
          `SELECT a.juror_id, a.entrant_id, j.invite_token FROM assignments a JOIN jurors j ON j.id = a.juror_id
           WHERE a.round_id = ? ORDER BY a.juror_id, a.entrant_id`,
        )
        .all(finalRound) as { juror_id: number; entrant_id: number; invite_token: string }[];
      probe.close();
      expect(pairs.length).toBeGreaterThan(SIMULATED_JURORS);

      const sims = await bindSims(server, pairs);
      const sent: SentChange[] = [];
      const acknowledged: SentChange[] = [];
      let refusals = 0;

      /** A tablet's loop: resend the unacknowledged batch as is (an outbox), else make a new one. */
      const runSim = async (sim: Sim, srv: ServerProcess, until: { stop: boolean }) => {
        while (!until.stop) {
          const batch = sim.pending ?? nextBatch(sim, rnd);
          sim.pending = batch;
          if (!sent.includes(batch.changes[0]!)) sent.push(...batch.changes);
          try {
            const res = await fetch(`${srv.url}/api/juror/rounds/${finalRound}/changes`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${sim.token}` },
              body: JSON.stringify({
                changes: batch.changes.map((c) => ({ kind: 'score', entrantId: c.entrantId, criterion: c.criterion, value: c.value, revision: c.revision })),
              }),
            });
            await res.arrayBuffer();
            if (res.ok) {
              acknowledged.push(...batch.changes);
              sim.pending = null;
            } else {
              refusals++;
              return;
            }
          } catch {
            return; // the server died under us: the batch stays in the outbox
          }
        }
      };

      for (let life = 0; life < KILLS; life++) {
        const started = Date.now();
        if (life > 0) server = running = await startServerProcess(dbPath);
        if (process.env.CRASH_VERBOSE) console.log(`life ${life}: started in ${Date.now() - started} ms, ${acknowledged.length} acknowledged so far`);
        const until = { stop: false };
        const loops = sims.map((s) => runSim(s, server, until));
        await new Promise((r) => setTimeout(r, rnd.int(400, 1800)));
        await server.kill();
        until.stop = true;
        await Promise.all(loops);
      }

      expect(refusals).toBe(0);
      // Enough traffic that the kills land between and inside writes.
      expect(acknowledged.length).toBeGreaterThan(100);

      const db = readOnly(dbPath);
      try {
        const stored = db
          .prepare(
            `SELECT sc.juror_id AS jurorId, sc.entrant_id AS entrantId, c.code AS criterion, ch.revision, ch.value
             FROM score_changes ch JOIN scorecards sc ON sc.id = ch.scorecard_id JOIN criteria c ON c.id = ch.criterion_id
             WHERE sc.round_id = ?`,
          )
          .all(finalRound) as SentChange[];
        const key = (c: SentChange) => `${c.jurorId}:${c.entrantId}:${c.criterion}:${c.revision}`;
        const storedByKey = new Map<string, number[]>();
        for (const s of stored) storedByKey.set(key(s), [...(storedByKey.get(key(s)) ?? []), s.value]);

        const lost = acknowledged.filter((a) => storedByKey.get(key(a))?.[0] !== a.value);
        expect(lost, 'acknowledged changes missing or altered after the crashes').toEqual([]);
        const duplicated = [...storedByKey.entries()].filter(([, values]) => values.length > 1);
        expect(duplicated, 'a change stored more than once').toEqual([]);
        const sentByKey = new Map(sent.map((s) => [key(s), s.value]));
        const invented = stored.filter((s) => sentByKey.get(key(s)) !== s.value);
        expect(invented, 'a stored change that no tablet sent').toEqual([]);

        // Each stored change committed with its log entry, in one transaction.
        const logged = db
          .prepare("SELECT COUNT(*) FROM events WHERE type = 'score.changed' AND json_extract(payload, '$.roundId') = ?")
          .pluck()
          .get(finalRound) as number;
        expect(logged).toBe(stored.length);
        expect(verifyChain(db)).toMatchObject({ ok: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    },
  );
});
