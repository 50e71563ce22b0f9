import { ErrorEnvelopeSchema, SessionResponseSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { SESSION_TTL_MS } from '../../middleware/session.js';
import { dbDigest, insertOrganiser, login, postJson, testApp } from '../../test-utils.js';

describe('organiser sign-in', () => {
  test('POST /api/auth/login with the right password sets an HttpOnly SameSite=Lax session cookie', async () => {
    const { app, db } = testApp();
    const org = await insertOrganiser(db);
    const res = await postJson(app, '/api/auth/login', { email: org.email, password: org.password });
    expect(res.status).toBe(200);
    expect(SessionResponseSchema.parse(await res.json()).user.email).toBe(org.email);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^palmares_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const stored = db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(cookie).not.toContain(stored[0]);
  });

  test('POST /api/auth/login with a wrong password answers 401 INVALID_CREDENTIALS and creates no session', async () => {
    const { app, db } = testApp();
    const org = await insertOrganiser(db);
    const res = await postJson(app, '/api/auth/login', { email: org.email, password: 'wrong password' });
    expect(res.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('INVALID_CREDENTIALS');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  test('POST /api/auth/login with an unknown email answers the same 401', async () => {
    const { app } = testApp();
    const res = await postJson(app, '/api/auth/login', { email: 'nobody@example.com', password: 'whatever' });
    expect(res.status).toBe(401);
  });

  test('POST /api/auth/login rejects a malformed email with 400 naming the field, and writes nothing', async () => {
    const { app, db } = testApp();
    await insertOrganiser(db);
    const before = dbDigest(db);
    const res = await postJson(app, '/api/auth/login', { email: 'not-an-email', password: 'x', extra: 1 });
    expect(res.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.path)).toContain('email');
    expect(dbDigest(db)).toBe(before);
  });

  test('GET /api/auth/session knows the organiser while the session lives, and not after it expires', async () => {
    const { app, db, clock } = testApp();
    const org = await insertOrganiser(db);
    const cookie = await login(app, org.email, org.password);
    const ok = await app.request('/api/auth/session', { headers: { cookie } });
    expect(ok.status).toBe(200);
    clock.advance(SESSION_TTL_MS + 1);
    const expired = await app.request('/api/auth/session', { headers: { cookie } });
    expect(expired.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await expired.json()).error.code).toBe('UNAUTHENTICATED');
  });

  test('POST /api/auth/logout ends the session on the server', async () => {
    const { app, db } = testApp();
    const org = await insertOrganiser(db);
    const cookie = await login(app, org.email, org.password);
    const out = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await app.request('/api/auth/session', { headers: { cookie } })).status).toBe(401);
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });
});
