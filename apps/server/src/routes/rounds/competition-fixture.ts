import type { CompetitionDetail, RubricUpdate } from '@palmares/contract';
import { createApp } from '../../app.js';
import { openDb } from '../../db/open-db.js';
import { fixedClock } from '../../lib/clock.js';
import { appendEvent } from '../../lib/event-log.js';
import { LiveHub } from '../../lib/live-hub.js';
import { insertOrganiser, login } from '../../test-utils.js';

export const RUBRIC: RubricUpdate = {
  scale: { min: 1, max: 5 },
  criteria: [
    { code: 'innovation', weight: 3, labels: { fr: 'Innovation', en: 'Innovation' }, levels: { fr: ['1', '2', '3', '4', '5'], en: ['1', '2', '3', '4', '5'] } },
    { code: 'impact', weight: 2, labels: { fr: 'Impact', en: 'Impact' }, levels: { fr: ['1', '2', '3', '4', '5'], en: ['1', '2', '3', '4', '5'] } },
  ],
};

export interface FixtureOptions {
  /** Entrant counts per axis code, in axis order. */
  entrantsPerAxis?: Record<string, number>;
  jurors?: number;
  /** [juror index, entrant name] pairs declared as conflicts. */
  conflicts?: [number, string][];
}

/**
 * A small competition built through the API (create, rubric, entrants) by its organiser, with
 * jurors and conflicts written directly (the juror routes belong to another module). Entrants are
 * named `<axis>-<n>` (green-1, green-2, ...); jurors `J1`, `J2`, ...
 */
export async function smallCompetition(options: FixtureOptions = {}) {
  const perAxis = options.entrantsPerAxis ?? { green: 3, city: 3, social: 2 };
  const db = openDb(':memory:');
  const clock = fixedClock('2026-06-13T09:00:00Z');
  const live = new LiveHub();
  const app = createApp({ db, clock, live });
  const org = await insertOrganiser(db);
  const cookie = await login(app, org.email, org.password);
  const call = (method: string, path: string, body?: unknown, who = cookie) =>
    app.request(path, {
      method,
      headers: { cookie: who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const created = await call('POST', '/api/competitions', {
    name: 'Test Cup',
    startsOn: '2026-06-13',
    endsOn: '2026-06-14',
    languages: ['fr', 'en'],
    defaultLanguage: 'fr',
    axes: Object.keys(perAxis).map((code) => ({ code, color: '#123456', labels: { fr: code, en: code } })),
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${await created.text()}`);
  const competition = (await created.json()) as CompetitionDetail;
  const id = competition.id;
  const base = `/api/competitions/${id}`;
  const rubric = await call('PUT', `${base}/settings/rubric`, RUBRIC);
  if (rubric.status !== 200) throw new Error(`rubric failed: ${rubric.status} ${await rubric.text()}`);

  const lines = ['name;axis'];
  for (const [axis, n] of Object.entries(perAxis)) for (let i = 1; i <= n; i++) lines.push(`${axis}-${i};${axis}`);
  const imported = await call('POST', `${base}/entrants/import`, { csv: lines.join('\n'), dryRun: false });
  if (imported.status !== 200) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);

  const entrantIds = new Map(
    (db.prepare('SELECT name, id FROM entrants WHERE competition_id = ?').all(id) as { name: string; id: number }[]).map((e) => [e.name, e.id]),
  );
  const entrant = (name: string) => {
    const e = entrantIds.get(name);
    if (e === undefined) throw new Error(`no entrant ${name}`);
    return e;
  };
  const insertJuror = db.prepare(
    "INSERT INTO jurors (competition_id, name, email, invite_token, created_at) VALUES (?, ?, '', ?, '2026-01-01T00:00:00Z')",
  );
  const jurorIds = Array.from({ length: options.jurors ?? 3 }, (_, i) => Number(insertJuror.run(id, `J${i + 1}`, `invite-${id}-${i}`).lastInsertRowid));
  const juror = (index: number) => {
    const j = jurorIds[index];
    if (j === undefined) throw new Error(`no juror ${index}`);
    return j;
  };
  for (const [j, name] of options.conflicts ?? []) {
    db.prepare("INSERT INTO recusals (competition_id, juror_id, entrant_id, reason, declared_at) VALUES (?, ?, ?, 'knows them', '2026-01-01T00:00:00Z')")
      .run(id, juror(j), entrant(name));
  }

  /** A submitted scorecard, as the juror routes would leave it: every criterion at `value`. */
  const submit = (roundId: number, jurorId: number, entrantId: number, value: number | Record<string, number>) => {
    const card = Number(
      db.prepare("INSERT INTO scorecards (round_id, juror_id, entrant_id, status, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', 'x', 'x')")
        .run(roundId, jurorId, entrantId).lastInsertRowid,
    );
    const scores: Record<string, number> = {};
    for (const c of db.prepare('SELECT id, code FROM criteria WHERE competition_id = ?').all(id) as { id: number; code: string }[]) {
      const v = typeof value === 'number' ? value : (value[c.code] ?? 1);
      db.prepare("INSERT INTO scores (scorecard_id, criterion_id, value, revision, updated_at) VALUES (?, ?, ?, 1, 'x')").run(card, c.id, v);
      scores[c.code] = v;
    }
    // The log entry the submission route writes: the results are checked against it (decision 027).
    appendEvent(db, { competitionId: id, actor: `juror:${jurorId}`, type: 'scorecard.submitted', payload: { roundId, entrantId, scores }, at: new Date('2026-01-01T00:00:00Z') });
  };

  const otherCookie = async () => {
    const other = await insertOrganiser(db, 'other@example.com');
    return login(app, other.email, other.password);
  };

  return { app, db, clock, live, cookie, call, id, base, entrant, entrantIds, juror, jurorIds, submit, otherCookie };
}

export type Fixture = Awaited<ReturnType<typeof smallCompetition>>;

async function expectOk(res: Response, what: string) {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return res;
}

/**
 * Runs round 1 through the API: create, assign everyone to everyone, open, every juror submits
 * `scores[entrant]` (innovation, impact) for each entrant they have no conflict with, close.
 */
export async function scoreRound1(f: Fixture, scores: Record<string, [number, number]>): Promise<number> {
  const created = await expectOk(await f.call('POST', `${f.base}/rounds`, { kind: 'shortlist' }), 'create round');
  const roundId = ((await created.json()) as { id: number }).id;
  await expectOk(await f.call('PUT', `${f.base}/rounds/${roundId}/assignments`, { mode: 'all' }), 'assign');
  await expectOk(await f.call('POST', `${f.base}/rounds/${roundId}/open`), 'open');
  const pairs = f.db.prepare('SELECT juror_id AS j, entrant_id AS e FROM assignments WHERE round_id = ?').all(roundId) as { j: number; e: number }[];
  const nameOf = new Map([...f.entrantIds].map(([name, id]) => [id, name]));
  for (const { j, e } of pairs) {
    const [innovation, impact] = scores[nameOf.get(e) ?? ''] ?? [1, 1];
    f.submit(roundId, j, e, { innovation, impact });
  }
  await expectOk(await f.call('POST', `${f.base}/rounds/${roundId}/close`, {}), 'close');
  return roundId;
}
