import { CompetitionDetailSchema, ErrorEnvelopeSchema, JurorStateSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { dbDigest, insertOrganiser, login } from '../../test-utils.js';
import { bindTablet, jurorFixture, tablet } from '../juror/juror.fixture.js';

async function competition() {
  const f = await jurorFixture();
  const cookie = await f.organiserCookie();
  const put = (body: unknown, who = cookie) =>
    f.app.request(`/api/competitions/${f.competitionId}/settings/tablets`, {
      method: 'PUT',
      headers: { cookie: who, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const detail = async () =>
    CompetitionDetailSchema.parse(await (await f.app.request(`/api/competitions/${f.competitionId}`, { headers: { cookie } })).json());
  const a = tablet(f.app, (await bindTablet(f.app, 'invite-a')).cookie);
  const jurorState = async () => JurorStateSchema.parse(await (await a.get('/api/juror/state')).json());
  return { ...f, cookie, put, detail, jurorState };
}

describe('PUT /api/competitions/:id/settings/tablets', () => {
  test('the idle lock is 15 minutes by default, sent with the competition and with the juror\'s state', async () => {
    const { detail, jurorState } = await competition();
    expect((await detail()).idleLockMinutes).toBe(15);
    expect((await jurorState()).competition.idleLockMinutes).toBe(15);
  });

  test('the organiser sets it (also once scoring has opened): the tablets get it with their state, and it is logged', async () => {
    const { put, jurorState, db, competitionId } = await competition();
    db.prepare("UPDATE competitions SET settings_locked_at = '2026-06-01T00:00:00Z' WHERE id = ?").run(competitionId);
    const res = await put({ idleLockMinutes: 3 });
    expect(res.status).toBe(200);
    expect(CompetitionDetailSchema.parse(await res.json()).idleLockMinutes).toBe(3);
    expect((await jurorState()).competition.idleLockMinutes).toBe(3);
    const logged = db.prepare("SELECT payload FROM events WHERE type = 'tablets.updated'").pluck().all() as string[];
    expect(logged.map((p) => JSON.parse(p))).toEqual([{ idleLockMinutes: 3 }]);
    expect((await put({ idleLockMinutes: 60 })).status).toBe(200);
    expect((await put({ idleLockMinutes: 1 })).status).toBe(200);
  });

  test.each([
    [{ idleLockMinutes: 0 }, 'too_small'],
    [{ idleLockMinutes: 61 }, 'too_big'],
    [{ idleLockMinutes: 1.5 }, 'invalid_type'],
    [{ idleLockMinutes: '10' }, 'invalid_type'],
    [{ idleLockMinutes: 10, idleSeconds: 2 }, 'unrecognized_keys'],
  ])('refuses %j with 400 (%s) and stores nothing', async (body, rule) => {
    const { put, db } = await competition();
    const before = dbDigest(db);
    const res = await put(body);
    expect(res.status).toBe(400);
    const { details } = ErrorEnvelopeSchema.parse(await res.json()).error;
    expect(details).toEqual([expect.objectContaining({ rule })]);
    expect(dbDigest(db)).toBe(before);
  });

  test('another organiser gets 404 and changes nothing', async () => {
    const { put, db, app } = await competition();
    const other = await insertOrganiser(db, 'other@example.com');
    const otherCookie = await login(app, other.email, other.password);
    const before = dbDigest(db);
    expect((await put({ idleLockMinutes: 5 }, otherCookie)).status).toBe(404);
    expect(dbDigest(db)).toBe(before);
  });
});
