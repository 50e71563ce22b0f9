import { ErrorEnvelopeSchema, JurorBindingStatusSchema, JurorListResponseSchema, JurorStateSchema, PinSetResponseSchema, PIN_POLICY } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { verifyChain } from '../../lib/event-log.js';
import { hashToken } from '../../lib/tokens.js';
import { BindResponseSchema, JurorAdminSchema } from '@palmares/contract';
import { dbDigest, postJson } from '../../test-utils.js';
import { bindTablet, jurorFixture, tablet } from '../juror/juror.fixture.js';

const codeOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error.code;

async function tabletWithPin(pin = '2468') {
  const f = await jurorFixture();
  const { cookie, body } = await bindTablet(f.app, 'invite-a', { pin: null });
  const t = tablet(f.app, cookie);
  expect((await t.post('/api/juror/pin', { pin })).status).toBe(200);
  return { ...f, t, cookie, bindingId: body.bindingId };
}

describe('binding a tablet', () => {
  test('POST /api/juror/bind with an invitation token binds the tablet, sets an HttpOnly cookie and stores only the hash', async () => {
    const { app, db, jurorA, competitionId } = await jurorFixture();
    const res = await postJson(app, '/api/juror/bind', { inviteToken: 'invite-a' });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^palmares_device=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const body = (await res.json()) as { deviceToken: string; juror: { id: number }; competition: { id: number } };
    expect(body.juror.id).toBe(jurorA);
    expect(body.competition.id).toBe(competitionId);
    const row = db.prepare('SELECT token_hash, pin_hash FROM device_bindings').get() as { token_hash: string; pin_hash: null };
    expect(row.token_hash).toBe(hashToken(body.deviceToken));
    expect(JSON.stringify(db.prepare('SELECT * FROM device_bindings').all())).not.toContain(body.deviceToken);
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: 1 });
  });

  test('POST /api/juror/bind with an unknown invitation answers 404 and binds nothing', async () => {
    const { app, db } = await jurorFixture();
    const before = dbDigest(db);
    const res = await postJson(app, '/api/juror/bind', { inviteToken: 'no-such-invite' });
    expect(res.status).toBe(404);
    expect(await codeOf(res)).toBe('NOT_FOUND');
    expect(dbDigest(db)).toBe(before);
  });

  test('the device token also works as a Bearer token, and juror routes without any token answer 401', async () => {
    const { app } = await jurorFixture();
    const { body } = await bindTablet(app, 'invite-a');
    const bearer = await app.request('/api/juror/state', { headers: { authorization: `Bearer ${body.deviceToken}` } });
    expect(bearer.status).toBe(200);
    const none = await app.request('/api/juror/state');
    expect(none.status).toBe(401);
    expect(await codeOf(none)).toBe('UNAUTHENTICATED');
    const forged = await app.request('/api/juror/state', { headers: { authorization: 'Bearer forged-token' } });
    expect(forged.status).toBe(401);
    // An explicit Bearer token wins over a stale cookie.
    const stale = await bindTablet(app, 'invite-a');
    expect((await tablet(app, stale.cookie).post('/api/juror/unbind')).status).toBe(204);
    const both = await app.request('/api/juror/state', { headers: { cookie: stale.cookie, authorization: `Bearer ${body.deviceToken}` } });
    expect(both.status).toBe(200);
  });

  test('last contact is recorded on the binding and published live, at most every 10 seconds', async () => {
    const { app, db, clock, live, competitionId, jurorA } = await jurorFixture();
    const { cookie, body } = await bindTablet(app, 'invite-a');
    const published: unknown[] = [];
    live.subscribe(competitionId, (e) => published.push(e));
    const t = tablet(app, cookie);
    const seen = () => db.prepare('SELECT last_seen_at FROM device_bindings').pluck().get();
    clock.advance(3_000);
    await t.get('/api/juror/state');
    expect(seen()).toBe('2026-06-13T09:00:00.000Z');
    clock.advance(8_000);
    await t.get('/api/juror/state');
    expect(seen()).toBe('2026-06-13T09:00:11.000Z');
    expect(published).toEqual([{ type: 'contact', data: { jurorId: jurorA, bindingId: body.bindingId, at: '2026-06-13T09:00:11.000Z' } }]);
  });
  test('POST /api/juror/unbind ends this tablet\'s binding and clears its cookie; other tablets keep theirs', async () => {
    const { app, db } = await jurorFixture();
    const mine = tablet(app, (await bindTablet(app, 'invite-a')).cookie);
    const other = tablet(app, (await bindTablet(app, 'invite-a')).cookie);
    const res = await mine.post('/api/juror/unbind');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^palmares_device=;/);
    expect((await mine.get('/api/juror/state')).status).toBe(401);
    expect((await other.get('/api/juror/state')).status).toBe(200);
    expect(db.prepare('SELECT COUNT(*) FROM device_bindings WHERE revoked_at IS NOT NULL').pluck().get()).toBe(1);
  });
});

describe('the PIN', () => {
  test('POST /api/juror/pin stores a scrypt hash and returns the offline PBKDF2 parameters; state then says pinSet', async () => {
    const { db, t } = await tabletWithPin('123456');
    const hash = db.prepare('SELECT pin_hash FROM device_bindings').pluck().get() as string;
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain('123456');
    const state = JurorStateSchema.parse(await (await t.get('/api/juror/state')).json());
    expect(state.binding.pinSet).toBe(true);
  });

  test('the offline parameters name PBKDF2 with SHA-256', async () => {
    const { app } = await jurorFixture();
    const { cookie } = await bindTablet(app, 'invite-a', { pin: null });
    const res = await tablet(app, cookie).post('/api/juror/pin', { pin: '0000' });
    const body = PinSetResponseSchema.parse(await res.json());
    expect(body.offline).toMatchObject({ algorithm: 'PBKDF2', hash: 'SHA-256' });
    expect(body.offline.iterations).toBeGreaterThanOrEqual(100_000);
  });

  test.each(['123', '1234567', '12a4', ''])('POST /api/juror/pin refuses %j with 400 naming the field', async (pin) => {
    const { app, db } = await jurorFixture();
    const { cookie } = await bindTablet(app, 'invite-a', { pin: null });
    const before = dbDigest(db);
    const res = await tablet(app, cookie).post('/api/juror/pin', { pin });
    expect(res.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.details.map((d) => d.path)).toContain('pin');
    expect(dbDigest(db)).toBe(before);
  });

  test('a second POST /api/juror/pin is refused with 409: the PIN is changed only through a reset', async () => {
    const { t } = await tabletWithPin();
    const res = await t.post('/api/juror/pin', { pin: '1111' });
    expect(res.status).toBe(409);
    expect((await t.post('/api/juror/unlock', { pin: '2468' })).status).toBe(204);
  });

  test('POST /api/juror/unlock answers 204 to the right PIN and 401 with the tries left to a wrong one', async () => {
    const { t } = await tabletWithPin();
    expect((await t.post('/api/juror/unlock', { pin: '2468' })).status).toBe(204);
    const wrong = await t.post('/api/juror/unlock', { pin: '1357' });
    expect(wrong.status).toBe(401);
    const body = ErrorEnvelopeSchema.parse(await wrong.json());
    expect(body.error.code).toBe('INVALID_CREDENTIALS');
    expect(body.error.details).toContainEqual({ path: 'attemptsLeft', rule: 'remaining', message: '4' });
    expect(body.error.details).toContainEqual({ path: 'attemptsBeforeLock', rule: 'remaining', message: '9' });
  });

  test('the sixth try within 5 minutes gets 429 RATE_LIMITED, even with the right PIN; after 5 minutes tries resume', async () => {
    const { t, clock } = await tabletWithPin();
    for (let i = 0; i < PIN_POLICY.attemptsPerWindow; i++) {
      expect((await t.post('/api/juror/unlock', { pin: '0000' })).status).toBe(401);
      clock.advance(10_000);
    }
    const limited = await t.post('/api/juror/unlock', { pin: '2468' });
    expect(limited.status).toBe(429);
    expect(await codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(PIN_POLICY.windowMs);
    expect((await t.post('/api/juror/unlock', { pin: '2468' })).status).toBe(204);
  });

  test('the right PIN forgives earlier wrong ones: the lock counts failures in a row', async () => {
    const { t, db, clock } = await tabletWithPin();
    for (let i = 0; i < 4; i++) await t.post('/api/juror/unlock', { pin: '0000' });
    expect((await t.post('/api/juror/unlock', { pin: '2468' })).status).toBe(204);
    expect(db.prepare('SELECT failed_pins FROM device_bindings').pluck().get()).toBe(0);
    clock.advance(1000);
    const wrong = ErrorEnvelopeSchema.parse(await (await t.post('/api/juror/unlock', { pin: '0000' })).json());
    expect(wrong.error.details).toContainEqual({ path: 'attemptsBeforeLock', rule: 'remaining', message: '9' });
  });

  test('the 10th wrong PIN in a row locks the tablet (423 BINDING_LOCKED) for every juror route until the organiser resets it', async () => {
    const { app, t, db, clock, competitionId, jurorA, organiserCookie } = await tabletWithPin();
    const statuses: number[] = [];
    for (let window = 0; window < 2; window++) {
      for (let i = 0; i < PIN_POLICY.attemptsPerWindow; i++) statuses.push((await t.post('/api/juror/unlock', { pin: '9999' })).status);
      clock.advance(PIN_POLICY.windowMs);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 423]);
    expect(db.prepare('SELECT locked_at FROM device_bindings').pluck().get()).not.toBeNull();
    const right = await t.post('/api/juror/unlock', { pin: '2468' });
    expect(right.status).toBe(423);
    expect(await codeOf(right)).toBe('BINDING_LOCKED');
    expect((await t.get('/api/juror/state')).status).toBe(423);

    const cookie = await organiserCookie();
    const reset = await app.request(`/api/competitions/${competitionId}/jurors/${jurorA}/bindings/reset`, { method: 'POST', headers: { cookie } });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ bindings: 1 });
    // Reset clears the PIN too: the juror chooses a new one on the same tablet, and until then
    // the tablet reads only its binding.
    const status = JurorBindingStatusSchema.parse(await (await t.get('/api/juror/binding')).json());
    expect(status.binding).toMatchObject({ pinSet: false, locked: false });
    expect((await t.get('/api/juror/state')).status).toBe(403);
    expect((await t.post('/api/juror/pin', { pin: '8642' })).status).toBe(200);
    expect((await t.post('/api/juror/unlock', { pin: '8642' })).status).toBe(204);
    expect(verifyChain(db).ok).toBe(true);
    const types = db.prepare('SELECT type FROM events').pluck().all();
    expect(types).toEqual(expect.arrayContaining(['binding.locked', 'bindings.reset']));
  });

  test('unlocking before a PIN is set answers 403 PIN_REQUIRED', async () => {
    const { app } = await jurorFixture();
    const { cookie } = await bindTablet(app, 'invite-a', { pin: null });
    const res = await tablet(app, cookie).post('/api/juror/unlock', { pin: '1234' });
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe('PIN_REQUIRED');
  });
});

/** Juror A's first tablet with the PIN 2468, and the organiser's view of the jury. */
async function firstTabletAndBoard() {
  const f = await tabletWithPin('2468');
  const cookie = await f.organiserCookie();
  const board = async () => {
    const res = await f.app.request(`/api/competitions/${f.competitionId}/jurors`, { headers: { cookie } });
    return JurorListResponseSchema.parse(await res.json()).jurors.find((j) => j.id === f.jurorA)?.bindings;
  };
  const bind = (body: object) => postJson(f.app, '/api/juror/bind', body);
  return { ...f, board, bind, organiser: cookie };
}

describe('a second tablet needs the juror\'s PIN (issue 14 point 8)', () => {
  test('the link alone binds no second tablet: 401 PIN_REQUIRED, nothing stored', async () => {
    const { db, bind, board } = await firstTabletAndBoard();
    const before = dbDigest(db);
    const res = await bind({ inviteToken: 'invite-a' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('PIN_REQUIRED');
    expect(body.error.details.map((d) => d.path)).toContain('pin');
    expect(dbDigest(db)).toBe(before);
    expect(await board()).toEqual({ active: 1, locked: 0 });
  });

  test("with the juror's PIN the second tablet is bound with it, reads the state at once, and the board counts 2 tablets", async () => {
    const { app, db, bind, board } = await firstTabletAndBoard();
    const wrong = await bind({ inviteToken: 'invite-a', pin: '1111' });
    expect(wrong.status).toBe(401);
    const refused = ErrorEnvelopeSchema.parse(await wrong.json());
    expect(refused.error.code).toBe('INVALID_CREDENTIALS');
    expect(refused.error.details).toContainEqual({ path: 'attemptsLeft', rule: 'remaining', message: '4' });
    expect(await board()).toEqual({ active: 1, locked: 0 });

    const res = await bind({ inviteToken: 'invite-a', pin: '2468' });
    expect(res.status).toBe(201);
    const body = BindResponseSchema.parse(await res.json());
    expect(body.pinSet).toBe(true);
    const second = tablet(app, (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    const state = JurorStateSchema.parse(await (await second.get('/api/juror/state')).json());
    expect(state.binding).toEqual({ id: body.bindingId, pinSet: true });
    // The juror's PIN, not a new one: it unlocks the second tablet, and a new PIN cannot be set.
    expect((await second.post('/api/juror/unlock', { pin: '2468' })).status).toBe(204);
    expect((await second.post('/api/juror/pin', { pin: '9999' })).status).toBe(409);
    expect(await board()).toEqual({ active: 2, locked: 0 });
    expect(db.prepare("SELECT COUNT(*) FROM events WHERE type = 'binding.created'").pluck().get()).toBe(2);
    expect(verifyChain(db).ok).toBe(true);
  });

  test('wrong PINs at the link are rate-limited like the tablet\'s own, counted apart, and the 10th in a row blocks the link until the organiser issues a new one', async () => {
    const { app, t, clock, bind, competitionId, jurorA, organiser } = await firstTabletAndBoard();
    const statuses: number[] = [];
    for (let i = 0; i < PIN_POLICY.attemptsPerWindow; i++) statuses.push((await bind({ inviteToken: 'invite-a', pin: '0000' })).status);
    const limited = await bind({ inviteToken: 'invite-a', pin: '2468' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The juror's own tablet is not locked out by someone guessing at the link.
    expect((await t.post('/api/juror/unlock', { pin: '2468' })).status).toBe(204);
    clock.advance(PIN_POLICY.windowMs);
    for (let i = 0; i < PIN_POLICY.attemptsPerWindow; i++) statuses.push((await bind({ inviteToken: 'invite-a', pin: '0000' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 423]);
    clock.advance(PIN_POLICY.windowMs);
    const blocked = await bind({ inviteToken: 'invite-a', pin: '2468' });
    expect(blocked.status).toBe(423);
    expect(ErrorEnvelopeSchema.parse(await blocked.json()).error.details).toContainEqual(expect.objectContaining({ path: 'inviteToken', rule: 'locked' }));
    expect((await t.get('/api/juror/state')).status).toBe(200);

    const rotated = await app.request(`/api/competitions/${competitionId}/jurors/${jurorA}/invite/rotate`, { method: 'POST', headers: { cookie: organiser } });
    const invite = JurorAdminSchema.parse(await rotated.json()).invitePath.slice('/j/'.length);
    expect((await bind({ inviteToken: invite })).status).toBe(401);
    expect((await bind({ inviteToken: invite, pin: '2468' })).status).toBe(201);
  });

  test('a tablet without a PIN reaches nothing but its PIN set-up: state, scores, the live stream, the chair\'s routes all answer 403 PIN_REQUIRED', async () => {
    const { app, db, rounds, entrants } = await jurorFixture();
    db.prepare("UPDATE jurors SET is_chair = 1 WHERE invite_token = 'invite-a'").run();
    const { cookie } = await bindTablet(app, 'invite-a', { pin: null });
    const t = tablet(app, cookie);
    const before = dbDigest(db);
    const refusals = [
      await t.get('/api/juror/state'),
      await t.get('/api/juror/live'),
      await t.post(`/api/juror/rounds/${rounds.final}/changes`, { changes: [{ kind: 'score', entrantId: entrants[0], criterion: 'impact', value: 3, revision: 1 }] }),
      await t.get(`/api/chair/rounds/${rounds.shortlist}/deliberation`),
      await t.post('/api/juror/unlock', { pin: '2468' }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(await codeOf(res)).toBe('PIN_REQUIRED');
    }
    expect(dbDigest(db)).toBe(before);
    const status = JurorBindingStatusSchema.parse(await (await t.get('/api/juror/binding')).json());
    expect(status).toMatchObject({ juror: { name: 'Juror A', isChair: true }, binding: { pinSet: false, locked: false } });
  });
});

describe("the organiser's reset unlocks what was locked, nothing else (issue 14 point 7)", () => {
  test('with a healthy and a locked tablet, the reset unlocks the locked one only; the healthy one keeps its PIN', async () => {
    const { app, t: healthy, clock, bind, board, competitionId, jurorA, organiser } = await firstTabletAndBoard();
    const res = await bind({ inviteToken: 'invite-a', pin: '2468' });
    const blocked = tablet(app, (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    for (let window = 0; window < 2; window++) {
      for (let i = 0; i < PIN_POLICY.attemptsPerWindow; i++) await blocked.post('/api/juror/unlock', { pin: '9999' });
      clock.advance(PIN_POLICY.windowMs);
    }
    expect((await blocked.get('/api/juror/state')).status).toBe(423);
    expect(await board()).toEqual({ active: 1, locked: 1 });
    // The blocked tablet can still ask whether it is locked, to notice the reset by itself.
    expect(JurorBindingStatusSchema.parse(await (await blocked.get('/api/juror/binding')).json()).binding.locked).toBe(true);

    const reset = await app.request(`/api/competitions/${competitionId}/jurors/${jurorA}/bindings/reset`, { method: 'POST', headers: { cookie: organiser } });
    expect(await reset.json()).toEqual({ bindings: 1 });
    expect(await board()).toEqual({ active: 2, locked: 0 });
    expect((await healthy.post('/api/juror/unlock', { pin: '2468' })).status).toBe(204);
    expect((await healthy.get('/api/juror/state')).status).toBe(200);
    expect(JurorBindingStatusSchema.parse(await (await blocked.get('/api/juror/binding')).json()).binding).toMatchObject({ locked: false, pinSet: false });
    expect((await blocked.post('/api/juror/pin', { pin: '1357' })).status).toBe(200);
    expect((await blocked.post('/api/juror/unlock', { pin: '1357' })).status).toBe(204);
  });
});
