import { CompetitionDetailSchema, ErrorEnvelopeSchema, JurorListResponseSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { dbDigest, insertOrganiser, login, postJson, testApp } from '../../test-utils.js';
import { COPIED, NOT_COPIED } from './competitions.create.js';

const EVENT = { name: 'Casablanca Smart City 2024', startsOn: '2024-06-11', endsOn: '2024-06-13', venue: 'Casablanca', timeZone: 'Africa/Casablanca', languages: ['fr', 'ar'], defaultLanguage: 'fr' };

async function signedIn() {
  const { app, db } = testApp();
  const org = await insertOrganiser(db);
  const cookie = await login(app, org.email, org.password);
  const create = (body: unknown) => postJson(app, '/api/competitions', body, { cookie });
  const get = (path: string) => app.request(path, { headers: { cookie } });
  return { app, db, cookie, create, get };
}

describe('POST /api/competitions', () => {
  test('a new competition starts with the five axes and the six-criterion rubric of the congress, ready to edit', async () => {
    const { create } = await signedIn();
    const res = await create(EVENT);
    expect(res.status).toBe(201);
    const detail = CompetitionDetailSchema.parse(await res.json());
    expect(detail).toMatchObject({ name: EVENT.name, venue: 'Casablanca', timeZone: 'Africa/Casablanca', languages: ['fr', 'ar'], settingsLocked: false });
    expect(detail.axes.map((a) => a.code)).toEqual(['governance', 'social', 'infrastructure', 'services', 'ecology']);
    expect(detail.criteria.map((c) => [c.code, c.weight])).toEqual([
      ['innovation', 25], ['impact', 20], ['feasibility', 15], ['market', 15], ['team', 15], ['pitch', 10],
    ]);
    expect(detail.rules.scale).toEqual({ min: 1, max: 10 });
    // One description per level of the 1–10 scale in each of the event's languages.
    for (const c of detail.criteria) for (const lang of ['fr', 'ar'] as const) expect(c.levels[lang]).toHaveLength(10);
    expect(detail.entrants).toEqual([]);
    expect(detail.rounds).toEqual([]);
  });

  test('the time zone is stored and read back; a competition created without one is in Casablanca’s', async () => {
    const { create } = await signedIn();
    const paris = CompetitionDetailSchema.parse(await (await create({ ...EVENT, timeZone: 'Europe/Paris' })).json());
    expect(paris.timeZone).toBe('Europe/Paris');
    const { timeZone: _left, ...withoutZone } = EVENT;
    const plain = CompetitionDetailSchema.parse(await (await create(withoutZone)).json());
    expect(plain.timeZone).toBe('Africa/Casablanca');
  });

  test('an unknown time zone, a blank name and dates in the wrong order answer 400 naming each field and its rule, storing nothing', async () => {
    const { db, create } = await signedIn();
    const before = dbDigest(db);
    const res = await create({ ...EVENT, name: '  ', timeZone: 'Mars/Olympus', endsOn: '2024-06-01' });
    expect(res.status).toBe(400);
    const details = ErrorEnvelopeSchema.parse(await res.json()).error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name', rule: 'too_small' }),
        expect.objectContaining({ path: 'timeZone', rule: 'time_zone' }),
      ]),
    );
    expect(dbDigest(db)).toBe(before);
    const order = await create({ ...EVENT, endsOn: '2024-06-01', defaultLanguage: 'en' });
    expect(ErrorEnvelopeSchema.parse(await order.json()).error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'endsOn', rule: 'ends_before_start' }),
        expect.objectContaining({ path: 'defaultLanguage', rule: 'not_among_languages' }),
      ]),
    );
    expect(dbDigest(db)).toBe(before);
  });

  test('a juror’s or a signed-out request cannot create one', async () => {
    const { app, db } = testApp();
    const before = dbDigest(db);
    expect((await postJson(app, '/api/competitions', EVENT)).status).toBe(401);
    expect(dbDigest(db)).toBe(before);
  });
});

describe('starting from an earlier competition', () => {
  async function lastYear() {
    const ctx = await signedIn();
    await seedDemo(ctx.db);
    // The demo's organiser runs the 2023 edition; this test's organiser becomes one of its organisers too.
    const userId = ctx.db.prepare('SELECT id FROM users WHERE email = ?').pluck().get('org@example.com') as number;
    ctx.db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (1, ?)').run(userId);
    return ctx;
  }

  test('copies the rules, axes, rubric and jurors, not the entrants, rounds or scores', async () => {
    const { db, create, get } = await lastYear();
    const earlier = CompetitionDetailSchema.parse(await (await get('/api/competitions/1')).json());
    const res = await create({ ...EVENT, copyFrom: 1 });
    expect(res.status).toBe(201);
    const copy = CompetitionDetailSchema.parse(await res.json());
    expect(copy).toMatchObject({ name: EVENT.name, startsOn: '2024-06-11', languages: ['fr', 'ar'], settingsLocked: false, entrants: [], rounds: [] });
    expect(copy.rules).toEqual(earlier.rules);
    expect(copy.axes.map(({ id: _id, ...a }) => a)).toEqual(earlier.axes.map(({ id: _id, ...a }) => a));
    expect(copy.criteria.map(({ id: _id, ...c }) => c)).toEqual(earlier.criteria.map(({ id: _id, ...c }) => c));
    expect(db.prepare('SELECT COUNT(*) FROM scorecards s JOIN rounds r ON r.id = s.round_id WHERE r.competition_id = ?').pluck().get(copy.id)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM recusals WHERE competition_id = ?').pluck().get(copy.id)).toBe(0);
    const logged = JSON.parse(db.prepare("SELECT payload FROM events WHERE competition_id = ? AND type = 'competition.created'").pluck().get(copy.id) as string) as Record<string, unknown>;
    expect(logged).toMatchObject({ copiedFrom: 1, jurors: 8 });
  });

  test('an axis with its own shortlist quota keeps it in the new edition', async () => {
    const { db, create, get } = await lastYear();
    const mobility = db.prepare("SELECT id, code FROM axes WHERE competition_id = 1 ORDER BY position LIMIT 1").get() as { id: number; code: string };
    db.prepare('INSERT INTO axis_quotas (axis_id, shortlist_min, shortlist_max) VALUES (?, 3, 4)').run(mobility.id);
    const earlier = CompetitionDetailSchema.parse(await (await get('/api/competitions/1')).json());
    const copy = CompetitionDetailSchema.parse(await (await create({ ...EVENT, copyFrom: 1 })).json());
    expect(copy.rules).toEqual(earlier.rules);
    const copied = db
      .prepare('SELECT a.code, q.shortlist_min, q.shortlist_max FROM axis_quotas q JOIN axes a ON a.id = q.axis_id WHERE a.competition_id = ?')
      .all(copy.id);
    expect(copied).toEqual([{ code: mobility.code, shortlist_min: 3, shortlist_max: 4 }]);
  });

  test('the jurors come back under new invitation links, with no tablet bound, the chair still chairing', async () => {
    const { create, get } = await lastYear();
    const copy = CompetitionDetailSchema.parse(await (await create({ ...EVENT, copyFrom: 1 })).json());
    const before = JurorListResponseSchema.parse(await (await get('/api/competitions/1/jurors')).json()).jurors;
    const after = JurorListResponseSchema.parse(await (await get(`/api/competitions/${copy.id}/jurors`)).json()).jurors;
    expect(after.map((j) => [j.name, j.email, j.title, j.isChair])).toEqual(before.map((j) => [j.name, j.email, j.title, j.isChair]));
    const oldLinks = new Set(before.map((j) => j.invitePath));
    for (const j of after) expect(oldLinks.has(j.invitePath)).toBe(false);
    expect(after.map((j) => j.bindings)).toEqual(after.map(() => ({ active: 0, locked: 0 })));
    expect(after.every((j) => j.lastSeenAt === null)).toBe(true);
  });

  test('a competition the organiser does not run cannot be copied: 400 naming copyFrom, nothing stored', async () => {
    const { db, create } = await signedIn();
    await seedDemo(db);
    const before = dbDigest(db);
    const res = await create({ ...EVENT, copyFrom: 1 });
    expect(res.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details).toEqual([expect.objectContaining({ path: 'copyFrom', rule: 'unknown' })]);
    expect((await create({ ...EVENT, copyFrom: 999 })).status).toBe(400);
    expect(dbDigest(db)).toBe(before);
  });

  test('every column of the copied tables is either carried to next year’s edition or left behind on purpose', () => {
    const { db } = testApp();
    for (const table of ['competitions', 'axes', 'criteria', 'axis_quotas', 'jurors'] as const) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).sort();
      expect({ table, columns }).toEqual({ table, columns: [...COPIED[table], ...NOT_COPIED[table]].sort() });
    }
  });
});
