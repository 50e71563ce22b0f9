import { demoOrganiser } from '../demo/demo-data.js';
import { seedDemo } from '../demo/seed-demo.js';
import { appendEvent } from '../lib/event-log.js';
import { hashToken } from '../lib/tokens.js';
import { createApp } from '../app.js';
import { openDb } from '../db/open-db.js';
import { fixedClock } from '../lib/clock.js';
import { LiveHub } from '../lib/live-hub.js';
import { login } from '../test-utils.js';

const at = '2026-06-13T18:00:00Z';

export interface FinalFixtureOptions {
  /** Two startups tied at the third place, in two axes, the last award seat between them. */
  tie?: boolean;
}

/**
 * For tests: the demo, then its final scored by every assigned juror and closed (direct inserts,
 * as the juror routes would leave them, with their log entries). Default scores are spread out, with one harsh and one
 * lenient juror and one startup judged very differently by one juror; `tie` crafts an open tie.
 */
export async function closedFinal(options: FinalFixtureOptions = {}) {
  const db = openDb(':memory:');
  const clock = fixedClock('2026-06-13T19:00:00Z');
  const live = new LiveHub();
  const app = createApp({ db, clock, live });
  await seedDemo(db, new Date('2026-06-12T09:00:00Z'));
  const competitionId = db.prepare('SELECT id FROM competitions').pluck().get() as number;
  const roundId = db.prepare("SELECT id FROM rounds WHERE kind = 'final'").pluck().get() as number;
  const criteria = db.prepare('SELECT id, code FROM criteria WHERE competition_id = ? ORDER BY position').all(competitionId) as { id: number; code: string }[];
  const jurors = db.prepare('SELECT id, is_chair FROM jurors ORDER BY id').all() as { id: number; is_chair: number }[];
  const entrants = db
    .prepare(
      `SELECT re.entrant_id AS id, a.code AS axis, e.access_token AS token, e.name,
              (SELECT COUNT(*) FROM assignments s WHERE s.round_id = re.round_id AND s.entrant_id = re.entrant_id) AS panel
       FROM round_entrants re JOIN entrants e ON e.id = re.entrant_id JOIN axes a ON a.id = e.axis_id
       WHERE re.round_id = ? ORDER BY re.pitch_position`,
    )
    .all(roundId) as { id: number; axis: string; token: string; name: string; panel: number }[];
  const assignments = db.prepare('SELECT juror_id, entrant_id FROM assignments WHERE round_id = ?').all(roundId) as { juror_id: number; entrant_id: number }[];

  const flat = options.tie ? tieValues(entrants, jurors.length) : null;
  const harsh = [0, -1, 1, 0, -2, 1, 0, -1];
  const base = [9, 9, 8, 8, 8, 7, 7, 6, 6, 5, 5, 4];
  const value = (ji: number, ei: number, ci: number) => {
    if (flat) return flat.get(entrants[ei]!.id) ?? 3;
    if (ji === 1 && ei === 0) return 2; // one juror far from the others on the first startup
    const noise = ((ji * 7 + ei * 11 + ci * 5) % 3) - 1;
    return Math.min(10, Math.max(1, base[ei]! + harsh[ji]! + noise));
  };
  const insertCard = db.prepare(
    "INSERT INTO scorecards (round_id, juror_id, entrant_id, status, feedback, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, ?, ?)",
  );
  const insertScore = db.prepare('INSERT INTO scores (scorecard_id, criterion_id, value, revision, updated_at) VALUES (?, ?, ?, 1, ?)');
  db.transaction(() => {
    for (const a of assignments) {
      const ji = jurors.findIndex((j) => j.id === a.juror_id);
      const ei = entrants.findIndex((e) => e.id === a.entrant_id);
      const feedback = ji % 2 === 0 ? `Feedback ${ji + 1} for ${entrants[ei]!.name}` : '';
      const card = Number(insertCard.run(roundId, a.juror_id, a.entrant_id, feedback, at, at).lastInsertRowid);
      const scores = Object.fromEntries(criteria.map((c, ci) => [c.code, value(ji, ei, ci)]));
      criteria.forEach((c) => insertScore.run(card, c.id, scores[c.code], at));
      // The entry the submission route logs: every read of the results replays it (decision 027).
      appendEvent(db, { competitionId, actor: `juror:${a.juror_id}`, type: 'scorecard.submitted', payload: { roundId, entrantId: a.entrant_id, scores }, at: new Date(at) });
    }
    db.prepare("UPDATE rounds SET state = 'closed', closed_at = ? WHERE id = ?").run(at, roundId);
  })();

  const organiser = await login(app, demoOrganiser.email, demoOrganiser.password);
  const chair = jurors.find((j) => j.is_chair === 1)!.id;
  const device = (jurorId: number) => {
    const token = `device-${jurorId}-${Math.random().toString(36).slice(2)}`;
    // A tablet with its PIN (no juror route answers one without); this value is never checked here.
    db.prepare("INSERT INTO device_bindings (juror_id, token_hash, pin_hash, created_at) VALUES (?, ?, 'scrypt$fixture', ?)").run(jurorId, hashToken(token), at);
    return { authorization: `Bearer ${token}` };
  };
  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    app, db, clock, live, competitionId, roundId, criteria, entrants, jurors: jurors.map((j) => j.id), chair,
    organiserHeaders: { cookie: organiser },
    chairHeaders: device(chair),
    device,
    request,
    /** The entrants a tie fixture ties at the third place. */
    tied: flat ? flat.tied : null,
  };
}

/**
 * Flat scores (every criterion, every juror) that put A and B first and second, then C and D
 * level at 7 for the last award seat: four axes apart (the demo allows one award per axis), each
 * scored by the whole jury (equal panels, so countback cannot split them either).
 */
function tieValues(entrants: { id: number; axis: string; panel: number }[], jurorCount: number) {
  const full = entrants.filter((e) => e.panel === jurorCount);
  const picked: typeof entrants = [];
  for (const e of full) if (picked.length < 4 && !picked.some((p) => p.axis === e.axis)) picked.push(e);
  if (picked.length < 4) throw new Error('tie fixture: need four fully scored startups in four axes');
  const [a, b, c, d] = picked as [(typeof entrants)[number], (typeof entrants)[number], (typeof entrants)[number], (typeof entrants)[number]];
  const values = new Map([[a.id, 9], [b.id, 8], [c.id, 7], [d.id, 7]]);
  let next = 6;
  for (const e of entrants) if (!values.has(e.id)) values.set(e.id, Math.max(1, next--));
  return Object.assign(values, { tied: [c.id, d.id] as [number, number] });
}

type Fixture = Awaited<ReturnType<typeof closedFinal>>;

/** Snapshot, both sign-offs and publication of the fixture's final, through the real routes. */
export async function publishFinal(f: Fixture) {
  const base = `/api/competitions/${f.competitionId}/results/${f.roundId}`;
  const steps = [
    await f.request('POST', `${base}/snapshot`, f.organiserHeaders),
    await f.request('POST', `${base}/signoff`, f.organiserHeaders),
    await f.request('POST', `/api/chair/rounds/${f.roundId}/signoff`, f.chairHeaders),
    await f.request('POST', `${base}/publish`, f.organiserHeaders),
  ];
  for (const res of steps) if (res.status >= 300) throw new Error(`publication step failed: ${res.status} ${await res.text()}`);
}
