import { CompetitionDetailSchema, ErrorEnvelopeSchema, type SettingsUpdate } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { dbDigest, insertOrganiser, login, postJson, testApp } from '../../test-utils.js';
import { RUBRIC, smallCompetition } from '../rounds/competition-fixture.js';

const SETTINGS: SettingsUpdate = {
  name: 'Casablanca Smart City 2026',
  startsOn: '2026-06-13',
  endsOn: '2026-06-15',
  venue: 'Casablanca',
  languages: ['fr', 'en', 'ar'],
  defaultLanguage: 'fr',
  method: 'satm',
  trim: 0,
  awards: { count: 3, axisMax: 1 },
  shortlist: { size: 6, axisMin: 1, axisMax: 3 },
};

describe('competition set-up', () => {
  test('POST /api/competitions makes the creator its organiser, with the five axes of the congress by default', async () => {
    const { app, db } = testApp();
    const org = await insertOrganiser(db);
    const cookie = await login(app, org.email, org.password);
    const res = await postJson(app, '/api/competitions', { name: 'Smart City', startsOn: '2026-06-13', endsOn: '2026-06-15', languages: ['fr', 'ar'], defaultLanguage: 'fr' }, { cookie });
    expect(res.status).toBe(201);
    const detail = CompetitionDetailSchema.parse(await res.json());
    expect(detail.axes.map((a) => a.code)).toHaveLength(5);
    expect(detail.rules).toMatchObject({ scale: { min: 1, max: 10 }, method: 'satm', shortlist: { size: 12 } });
    expect(detail.settingsLocked).toBe(false);
    const list = await app.request('/api/competitions', { headers: { cookie } });
    expect(((await list.json()) as { competitions: unknown[] }).competitions).toHaveLength(1);
    expect(db.prepare("SELECT type FROM events WHERE competition_id = ?").pluck().all(detail.id)).toEqual(['competition.created']);
  });

  test('POST /api/competitions rejects a default language outside the languages with 400 naming the field', async () => {
    const { app, db } = testApp();
    const org = await insertOrganiser(db);
    const cookie = await login(app, org.email, org.password);
    const before = dbDigest(db);
    const res = await postJson(app, '/api/competitions', { name: 'X', startsOn: '2026-06-13', endsOn: '2026-06-12', languages: ['fr'], defaultLanguage: 'ar' }, { cookie });
    expect(res.status).toBe(400);
    const paths = ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['endsOn', 'defaultLanguage']));
    expect(dbDigest(db)).toBe(before);
  });

  test('PUT settings stores the rules and logs the change', async () => {
    const f = await smallCompetition();
    const res = await f.call('PUT', `${f.base}/settings`, SETTINGS);
    expect(res.status).toBe(200);
    const detail = CompetitionDetailSchema.parse(await res.json());
    expect(detail.rules).toEqual({
      scale: { min: 1, max: 5 },
      method: 'satm',
      trim: 0,
      awards: { count: 3, axisMax: 1 },
      shortlist: { size: 6, axisMin: 1, axisMax: 3, perAxis: [] },
    });
    expect(detail.languages).toEqual(['fr', 'en', 'ar']);
    expect(f.db.prepare('SELECT type FROM events ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('settings.updated');
  });

  test('PUT settings with a shortlist minimum above its maximum answers 400 naming shortlist.axisMin', async () => {
    const f = await smallCompetition();
    const res = await f.call('PUT', `${f.base}/settings`, { ...SETTINGS, shortlist: { size: 6, axisMin: 4, axisMax: 2 } });
    expect(res.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => d.path)).toContain('shortlist.axisMin');
  });

  test('PUT rubric refuses a criterion lacking level descriptions in one of the languages, naming it', async () => {
    const f = await smallCompetition();
    const before = dbDigest(f.db);
    const rubric = structuredClone(RUBRIC);
    rubric.criteria[1]!.levels = { fr: ['1', '2', '3', '4', '5'], en: ['1', '2', '3'] };
    const res = await f.call('PUT', `${f.base}/settings/rubric`, rubric);
    expect(res.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => d.path)).toEqual(['criteria.1.levels.en']);
    expect(dbDigest(f.db)).toBe(before);
  });

  test('PUT rubric names the language and the figures of a missing level description, so the screen can word it', async () => {
    const f = await smallCompetition();
    const rubric = structuredClone(RUBRIC);
    rubric.criteria[0]!.levels = { fr: ['1', '', '3', '4', '5'], en: ['1', '2', '3', '4', '5'] };
    const res = await f.call('PUT', `${f.base}/settings/rubric`, rubric);
    expect(res.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details).toEqual([
      expect.objectContaining({ path: 'criteria.0.levels.fr', rule: 'one_per_level', params: { lang: 'fr', count: 5, min: 1, max: 5 } }),
    ]);
  });

  test('PUT rubric accepts level descriptions left blank in a language other than the default, and stores none for it', async () => {
    const f = await smallCompetition();
    const rubric = structuredClone(RUBRIC);
    rubric.criteria[0]!.levels = { fr: ['1', '2', '3', '4', '5'], en: ['', '', '', '', ''] };
    rubric.criteria[1]!.levels = { fr: ['1', '2', '3', '4', '5'], en: ['one', '', 'three', '', 'five'] };
    const res = await f.call('PUT', `${f.base}/settings/rubric`, rubric);
    expect(res.status).toBe(200);
    const detail = CompetitionDetailSchema.parse(await res.json());
    expect(detail.criteria[0]!.levels).toEqual({ fr: ['1', '2', '3', '4', '5'] });
    expect(detail.criteria[1]!.levels.en).toEqual(['one', '', 'three', '', 'five']);
  });

  test('PUT settings answers a cross-field rule with its name and a bound with its figure', async () => {
    const f = await smallCompetition();
    const res = await f.call('PUT', `${f.base}/settings`, { ...SETTINGS, name: '', endsOn: '2026-06-01' });
    expect(res.status).toBe(400);
    const details = ErrorEnvelopeSchema.parse(await res.json()).error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name', rule: 'too_small', params: expect.objectContaining({ minimum: 1, origin: 'string' }) }),
        expect.objectContaining({ path: 'endsOn', rule: 'ends_before_start' }),
      ]),
    );
  });

  test('PUT rubric keeps the ids of kept criteria and bumps the rubric version', async () => {
    const f = await smallCompetition();
    const ids = () => f.db.prepare('SELECT code, id FROM criteria ORDER BY position').all();
    const kept = ids()[0];
    const rubric = { ...RUBRIC, criteria: [RUBRIC.criteria[0]!, { ...RUBRIC.criteria[1]!, code: 'team' }] };
    expect((await f.call('PUT', `${f.base}/settings/rubric`, rubric)).status).toBe(200);
    expect(ids()[0]).toEqual(kept);
    expect(ids().map((c) => (c as { code: string }).code)).toEqual(['innovation', 'team']);
    expect(f.db.prepare('SELECT rubric_version FROM competitions').pluck().get()).toBe(3);
  });

  test('PUT axes refuses to drop an axis entrants still compete in (409) and writes nothing', async () => {
    const f = await smallCompetition();
    const before = dbDigest(f.db);
    const res = await f.call('PUT', `${f.base}/settings/axes`, { axes: [{ code: 'green', color: '#000000', labels: { fr: 'Vert' } }] });
    expect(res.status).toBe(409);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.details.map((d) => d.message).sort()).toEqual(['city', 'social']);
    expect(dbDigest(f.db)).toBe(before);
  });

  test('once round 1 scoring has opened, every set-up change answers 409 SETTINGS_LOCKED and writes nothing', async () => {
    const f = await smallCompetition();
    f.db.prepare("UPDATE competitions SET settings_locked_at = '2026-06-13T09:00:00.000Z'").run();
    const before = dbDigest(f.db);
    for (const [path, body] of [
      ['settings', SETTINGS],
      ['settings/rubric', RUBRIC],
      ['settings/axes', { axes: [] }],
    ] as const) {
      const res = await f.call('PUT', `${f.base}/${path}`, body);
      expect(res.status).toBe(409);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('SETTINGS_LOCKED');
    }
    expect(dbDigest(f.db)).toBe(before);
  });

  test('another organiser gets 404 on the set-up of a competition that is not theirs', async () => {
    const f = await smallCompetition();
    const other = await f.otherCookie();
    const before = dbDigest(f.db);
    const res = await f.call('PUT', `${f.base}/settings`, SETTINGS, other);
    expect(res.status).toBe(404);
    expect((await f.call('PUT', `${f.base}/settings/rubric`, RUBRIC, other)).status).toBe(404);
    expect((await f.call('PUT', '/api/competitions/999/settings', SETTINGS)).status).toBe(404);
    expect(dbDigest(f.db)).toBe(before);
  });

  test('without a session the set-up answers 401', async () => {
    const f = await smallCompetition();
    expect((await f.call('PUT', `${f.base}/settings`, SETTINGS, '')).status).toBe(401);
  });
});
