import { ErrorEnvelopeSchema, JurorAdminSchema, JurorListResponseSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { verifyChain } from '../../lib/event-log.js';
import { dbDigest, insertOrganiser, login, postJson } from '../../test-utils.js';
import { bindTablet, jurorFixture, tablet } from '../juror/juror.fixture.js';

describe("the organiser's jurors", () => {
  test('GET /api/competitions/:id/jurors lists each juror with the invitation path, tablets and last contact', async () => {
    const { app, clock, competitionId, jurorA, jurorB, organiserCookie } = await jurorFixture();
    await bindTablet(app, 'invite-a');
    clock.advance(60_000);
    await bindTablet(app, 'invite-a');
    const cookie = await organiserCookie();
    const res = await app.request(`/api/competitions/${competitionId}/jurors`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const { jurors } = JurorListResponseSchema.parse(await res.json());
    expect(jurors.map((j) => [j.id, j.invitePath, j.bindings.active, j.lastSeenAt])).toEqual([
      [jurorA, '/j/invite-a', 2, '2026-06-13T09:01:00.000Z'],
      [jurorB, '/j/invite-b', 0, null],
    ]);
  });

  test('POST /api/competitions/:id/jurors invites a juror with a fresh random link that binds a tablet', async () => {
    const { app, db, competitionId, organiserCookie } = await jurorFixture();
    const cookie = await organiserCookie();
    const res = await postJson(app, `/api/competitions/${competitionId}/jurors`, { name: 'Nadia', title: 'Investor', isChair: true }, { cookie });
    expect(res.status).toBe(201);
    const juror = JurorAdminSchema.parse(await res.json());
    expect(juror).toMatchObject({ name: 'Nadia', title: 'Investor', isChair: true, email: '' });
    const token = juror.invitePath.replace('/j/', '');
    expect(token.length).toBeGreaterThanOrEqual(40);
    const { body } = await bindTablet(app, token);
    expect(body.juror).toEqual({ id: juror.id, name: 'Nadia', isChair: true });
    expect(verifyChain(db).ok).toBe(true);
  });

  test('POST /api/competitions/:id/jurors refuses a juror without a name with 400 and writes nothing', async () => {
    const { app, db, competitionId, organiserCookie } = await jurorFixture();
    const cookie = await organiserCookie();
    const before = dbDigest(db);
    const res = await postJson(app, `/api/competitions/${competitionId}/jurors`, { name: '', email: 'not-an-email' }, { cookie });
    expect(res.status).toBe(400);
    const paths = ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email']));
    expect(dbDigest(db)).toBe(before);
  });

  test('revoking a juror\'s tablets makes them unbound (401); the invitation link binds a new one', async () => {
    const { app, db, competitionId, jurorA, organiserCookie } = await jurorFixture();
    const t = tablet(app, (await bindTablet(app, 'invite-a')).cookie);
    expect((await t.get('/api/juror/state')).status).toBe(200);
    const cookie = await organiserCookie();
    const res = await app.request(`/api/competitions/${competitionId}/jurors/${jurorA}/bindings/revoke`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bindings: 1 });
    const after = await t.get('/api/juror/state');
    expect(after.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await after.json()).error.code).toBe('UNAUTHENTICATED');
    const fresh = tablet(app, (await bindTablet(app, 'invite-a')).cookie);
    expect((await fresh.get('/api/juror/state')).status).toBe(200);
    expect(db.prepare('SELECT type FROM events ORDER BY seq DESC LIMIT 3').pluck().all()).toContain('bindings.revoked');
  });

  test('another organiser gets 404 for the competition, and a juror of another competition is not found', async () => {
    const { app, db, competitionId, jurorA, organiserCookie } = await jurorFixture();
    const other = await insertOrganiser(db, 'other@example.com', 'another long password');
    const otherCookie = await login(app, other.email, other.password);
    const before = dbDigest(db);
    expect((await app.request(`/api/competitions/${competitionId}/jurors`, { headers: { cookie: otherCookie } })).status).toBe(404);
    const revoke = await app.request(`/api/competitions/${competitionId}/jurors/${jurorA}/bindings/revoke`, { method: 'POST', headers: { cookie: otherCookie } });
    expect(revoke.status).toBe(404);
    expect(dbDigest(db)).toBe(before);
    const cookie = await organiserCookie();
    expect((await app.request(`/api/competitions/${competitionId}/jurors/9999/bindings/reset`, { method: 'POST', headers: { cookie } })).status).toBe(404);
    expect((await app.request(`/api/competitions/${competitionId}/jurors`)).status).toBe(401);
  });

  test('rotating the invitation link stops the old one from binding, while bound tablets stay bound', async () => {
    const { app, competitionId, jurorA, organiserCookie } = await jurorFixture();
    const bound = tablet(app, (await bindTablet(app, 'invite-a')).cookie);
    const cookie = await organiserCookie();
    const res = await app.request(`/api/competitions/${competitionId}/jurors/${jurorA}/invite/rotate`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(200);
    const juror = JurorAdminSchema.parse(await res.json());
    expect(juror.invitePath).not.toBe('/j/invite-a');
    expect((await postJson(app, '/api/juror/bind', { inviteToken: 'invite-a' })).status).toBe(404);
    expect((await bound.get('/api/juror/state')).status).toBe(200);
    await bindTablet(app, juror.invitePath.slice('/j/'.length));
  });
});
