import { BindResponseSchema } from '@palmares/contract';
import { createApp } from '../../app.js';
import { openDb, type Db } from '../../db/open-db.js';
import { fixedClock } from '../../lib/clock.js';
import { LiveHub } from '../../lib/live-hub.js';
import { insertOrganiser, login } from '../../test-utils.js';

type App = ReturnType<typeof createApp>;

/**
 * A small competition for the juror routes: scale 1–5, criteria `impact` (weight 2) and `team`,
 * three entrants, jurors A (assigned to all three) and B (to the first two), a closed shortlist
 * round and an open final with entrant 1 pitching.
 */
export async function jurorFixture() {
  const db = openDb(':memory:');
  const clock = fixedClock('2026-06-13T09:00:00Z');
  const live = new LiveHub();
  const app = createApp({ db, clock, live });
  const at = '2026-06-01T00:00:00Z';
  const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);

  const organiser = await insertOrganiser(db);
  const competitionId = run(
    `INSERT INTO competitions (name, starts_on, ends_on, languages, default_language, scale_min, scale_max, created_at)
     VALUES ('Test Cup', '2026-06-13', '2026-06-14', '["fr","en"]', 'fr', 1, 5, ?)`,
    at,
  );
  run('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)', competitionId, organiser.id);
  const axis = (code: string, position: number) =>
    run('INSERT INTO axes (competition_id, code, position, color, labels) VALUES (?, ?, ?, ?, ?)', competitionId, code, position, '#123456', JSON.stringify({ fr: code, en: code }));
  const [green, city] = [axis('green', 0), axis('city', 1)];
  const levels = JSON.stringify({ fr: ['1', '2', '3', '4', '5'], en: ['1', '2', '3', '4', '5'] });
  const criterion = (code: string, position: number, weight: number) =>
    run('INSERT INTO criteria (competition_id, code, position, weight, labels, levels) VALUES (?, ?, ?, ?, ?, ?)', competitionId, code, position, weight, JSON.stringify({ fr: code, en: code }), levels);
  criterion('impact', 0, 2);
  criterion('team', 1, 1);
  const entrant = (name: string, axisId: number) =>
    run(
      `INSERT INTO entrants (competition_id, axis_id, name, founders, pitch, access_token, created_at) VALUES (?, ?, ?, 'Founders', 'Pitch', ?, ?)`,
      competitionId, axisId, name, `s-${name}`, at,
    );
  const entrants = [entrant('Alpha', green), entrant('Beta', city), entrant('Gamma', green)] as const;
  const juror = (name: string, token: string) =>
    run('INSERT INTO jurors (competition_id, name, invite_token, created_at) VALUES (?, ?, ?, ?)', competitionId, name, token, at);
  const jurorA = juror('Juror A', 'invite-a');
  const jurorB = juror('Juror B', 'invite-b');

  const shortlist = run("INSERT INTO rounds (competition_id, kind, state, opened_at, closed_at) VALUES (?, 'shortlist', 'closed', ?, ?)", competitionId, at, at);
  const final = run(
    "INSERT INTO rounds (competition_id, kind, state, opened_at, now_pitching_entrant_id, now_pitching_since) VALUES (?, 'final', 'open', ?, ?, ?)",
    competitionId, at, entrants[0], at,
  );
  // Pitch order differs from insertion order: Beta, Alpha, Gamma.
  const order = [entrants[1], entrants[0], entrants[2]];
  order.forEach((e, i) => run('INSERT INTO round_entrants (round_id, entrant_id, pitch_position) VALUES (?, ?, ?)', final, e, i + 1));
  for (const e of entrants) run('INSERT INTO round_entrants (round_id, entrant_id) VALUES (?, ?)', shortlist, e);
  const assign = (round: number, j: number, e: number) => run('INSERT INTO assignments (round_id, juror_id, entrant_id) VALUES (?, ?, ?)', round, j, e);
  for (const e of entrants) {
    assign(final, jurorA, e);
    assign(shortlist, jurorA, e);
  }
  assign(final, jurorB, entrants[0]);
  assign(final, jurorB, entrants[1]);

  return {
    db, clock, live, app, organiser, competitionId, entrants, jurorA, jurorB,
    rounds: { shortlist, final },
    organiserCookie: () => login(app, organiser.email, organiser.password),
  };
}

/** The PIN the fixtures' tablets choose, or type at the link once the juror has one. */
export const FIXTURE_PIN = '2468';

/**
 * Binds a tablet through the real routes, the way a juror does: the link, then the PIN (chosen
 * on the juror's first tablet, typed at the link on the next). `pin: null` stops after the link,
 * leaving a tablet without a PIN (only the first tablet can be left so). Returns the Cookie
 * header that carries its token.
 */
export async function bindTablet(app: App, inviteToken: string, { pin = FIXTURE_PIN as string | null } = {}) {
  const bind = (body: object) =>
    app.request('/api/juror/bind', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let res = await bind({ inviteToken });
  if (res.status === 401 && pin !== null) res = await bind({ inviteToken, pin });
  if (res.status !== 201) throw new Error(`bind failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = BindResponseSchema.parse(await res.json());
  if (!body.pinSet && pin !== null) {
    const set = await tablet(app, cookie).post('/api/juror/pin', { pin });
    if (set.status !== 200) throw new Error(`PIN failed: ${set.status} ${await set.text()}`);
  }
  return { cookie, body };
}

/** A JSON request as the tablet makes it, carrying its device cookie. */
export function tablet(app: App, cookie: string) {
  return {
    get: (path: string) => app.request(path, { headers: { cookie } }),
    post: (path: string, body?: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

export const countRows = (db: Db, table: string) => db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
