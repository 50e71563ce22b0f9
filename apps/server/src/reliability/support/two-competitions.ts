import { createApp } from '../../app.js';
import { openDb, type Db } from '../../db/open-db.js';
import { seedDemo, demoJurorToken, demoStartupToken } from '../../demo/seed-demo.js';
import { demoEntrants, demoOrganiser } from '../../demo/demo-data.js';
import { fixedClock } from '../../lib/clock.js';
import { bindWithPin, inProcess, insertOrganiser, login } from '../../test-utils.js';

type App = ReturnType<typeof createApp>;

/** Credentials an actor sends: an organiser's cookie, a tablet's Bearer token, or nothing. */
export interface Actor {
  name: string;
  kind: 'anonymous' | 'juror' | 'startup' | 'organiser';
  /** 'A' is the demo competition every test targets; 'B' is the other one. */
  competition: 'A' | 'B' | null;
  chair: boolean;
  headers: Record<string, string>;
  /** A startup's private-link token. */
  token?: string;
}

// Bound the supported way, PIN included: no juror route answers a tablet without one.
const bind = (app: App, inviteToken: string): Promise<string> => bindWithPin(inProcess(app), inviteToken);

/** Competition B: another organiser, a chair and a juror, two entrants, an open final. */
function insertCompetitionB(db: Db, organiserId: number) {
  const at = '2026-06-01T00:00:00Z';
  const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
  const id = run(
    `INSERT INTO competitions (name, starts_on, ends_on, languages, default_language, scale_min, scale_max, created_at)
     VALUES ('Other Cup', '2026-07-01', '2026-07-02', '["en"]', 'en', 1, 5, ?)`,
    at,
  );
  run('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)', id, organiserId);
  const axis = run('INSERT INTO axes (competition_id, code, position, color, labels) VALUES (?, ?, 0, ?, ?)', id, 'green', '#123456', '{"en":"Green"}');
  run('INSERT INTO criteria (competition_id, code, position, weight, labels, levels) VALUES (?, ?, 0, 1, ?, ?)', id, 'impact', '{"en":"Impact"}', '{"en":["1","2","3","4","5"]}');
  const entrant = (name: string) =>
    run(`INSERT INTO entrants (competition_id, axis_id, name, founders, pitch, access_token, created_at) VALUES (?, ?, ?, 'F', 'P', ?, ?)`, id, axis, name, `other-${name}`, at);
  const entrants = [entrant('Yellow'), entrant('Zeta')];
  const juror = (name: string, token: string, chair: number) =>
    run('INSERT INTO jurors (competition_id, name, invite_token, is_chair, created_at) VALUES (?, ?, ?, ?, ?)', id, name, token, chair, at);
  const chair = juror('Other Chair', 'other-chair', 1);
  const final = run("INSERT INTO rounds (competition_id, kind, state, opened_at) VALUES (?, 'final', 'open', ?)", id, at);
  entrants.forEach((e, i) => {
    run('INSERT INTO round_entrants (round_id, entrant_id, pitch_position) VALUES (?, ?, ?)', final, e, i + 1);
    run('INSERT INTO assignments (round_id, juror_id, entrant_id) VALUES (?, ?, ?)', final, chair, e);
  });
  return { id, entrants, final, chairInvite: 'other-chair' };
}

/**
 * Two competitions in one database: A is the demo (round 1 confirmed, final open), B a small
 * one of another organiser. Returns the app and the nine actors of the authorisation matrix.
 */
export async function twoCompetitions() {
  const db = openDb(':memory:');
  const clock = fixedClock('2026-06-13T09:00:00Z');
  const app = createApp({ db, clock });
  await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
  const otherOrganiser = await insertOrganiser(db, 'other@example.com', 'another long password');
  const b = insertCompetitionB(db, otherOrganiser.id);

  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T;
  const competitionA = one<number>("SELECT id FROM competitions WHERE name = 'Casablanca Smart City 2023'");
  const finalA = one<number>("SELECT id FROM rounds WHERE competition_id = ? AND kind = 'final'", competitionA);
  const shortlistA = one<number>("SELECT id FROM rounds WHERE competition_id = ? AND kind = 'shortlist'", competitionA);
  const chairIndex = one<string>('SELECT invite_token FROM jurors WHERE competition_id = ? AND is_chair = 1', competitionA);
  const plainJurors = db
    .prepare('SELECT invite_token FROM jurors WHERE competition_id = ? AND is_chair = 0 ORDER BY id')
    .pluck()
    .all(competitionA) as string[];
  const [inviteA, inviteB] = plainJurors;
  if (!inviteA || !inviteB) throw new Error('the demo needs two jurors besides the chair');
  const jurorAId = one<number>('SELECT id FROM jurors WHERE invite_token = ?', inviteA);
  // An entrant of A's final that juror A may score (no declared conflict).
  const entrantA = one<number>(
    'SELECT entrant_id FROM assignments WHERE round_id = ? AND juror_id = ? ORDER BY entrant_id LIMIT 1',
    finalA,
    jurorAId,
  );
  const [startupX, startupY] = demoEntrants.map((e) => demoStartupToken(e.name));
  if (!startupX || !startupY) throw new Error('the demo needs two startups');

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const cookie = (c: string) => ({ cookie: c });
  const actors: Actor[] = [
    { name: 'anonymous', kind: 'anonymous', competition: null, chair: false, headers: {} },
    { name: 'juror A', kind: 'juror', competition: 'A', chair: false, headers: bearer(await bind(app, inviteA)) },
    { name: 'juror B', kind: 'juror', competition: 'A', chair: false, headers: bearer(await bind(app, inviteB)) },
    { name: 'chair of the other competition', kind: 'juror', competition: 'B', chair: true, headers: bearer(await bind(app, b.chairInvite)) },
    // A startup has no session: its link is its only credential. It tries it as a Bearer token too.
    { name: 'startup X', kind: 'startup', competition: 'A', chair: false, headers: bearer(startupX), token: startupX },
    { name: 'startup Y', kind: 'startup', competition: 'A', chair: false, headers: bearer(startupY), token: startupY },
    { name: 'organiser', kind: 'organiser', competition: 'A', chair: false, headers: cookie(await login(app, demoOrganiser.email, demoOrganiser.password)) },
    { name: 'organiser of the other competition', kind: 'organiser', competition: 'B', chair: false, headers: cookie(await login(app, otherOrganiser.email, otherOrganiser.password)) },
    { name: 'chair', kind: 'juror', competition: 'A', chair: true, headers: bearer(await bind(app, chairIndex)) },
  ];
  return {
    db,
    clock,
    app,
    actors,
    ids: { competitionA, finalA, shortlistA, entrantA, jurorAId, competitionB: b.id, finalB: b.final, startupX, startupY },
    demoJurorToken,
  };
}

export type TwoCompetitions = Awaited<ReturnType<typeof twoCompetitions>>;
