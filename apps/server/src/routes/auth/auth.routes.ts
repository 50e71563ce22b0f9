import { LoginRequestSchema, SessionResponseSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { appendEvent } from '../../lib/event-log.js';
import { hashToken, newToken, verifySecret } from '../../lib/tokens.js';
import { validate } from '../../lib/validate.js';
import { requireOrganiser, SESSION_COOKIE, SESSION_TTL_MS } from '../../middleware/session.js';
import { authQueries } from './auth.queries.js';
import { attemptLimiter, remoteAddress } from './login-limit.js';

const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: resolver(SessionResponseSchema) } } },
});

export function authRoutes(deps: Deps) {
  const { db, clock } = deps;
  const q = authQueries(db);
  const limiter = attemptLimiter(db, clock, 'login');
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/',
  } as const;

  return new Hono<AppEnv>()
    .post(
      '/login',
      describeRoute({ tags: ['auth'], summary: 'Sign in as an organiser (10 failed tries per account and 30 per address in 15 minutes, then 429)', responses: ok('Signed in') }),
      validate('json', LoginRequestSchema),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const tries = limiter.begin(c, email, remoteAddress(c));
        const user = q.userByEmail(email);
        // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
        const valid = await verifySecret(password, user?.password_hash ?? DUMMY_HASH);
        if (!user || !valid) throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
        limiter.forgive(tries);
        const token = newToken();
        const now = clock.now();
        const expires = new Date(now.getTime() + SESSION_TTL_MS);
        db.transaction(() => {
          q.deleteExpired(now);
          q.insertSession(hashToken(token), user.id, now, expires);
          appendEvent(db, { competitionId: null, actor: `user:${user.id}`, type: 'auth.login', payload: {}, at: now });
        })();
        setCookie(c, SESSION_COOKIE, token, { ...cookieOptions, expires });
        return c.json({ user: { id: user.id, email: user.email, name: user.name } }, 200);
      },
    )
    .post(
      '/logout',
      describeRoute({ tags: ['auth'], summary: 'Sign out', responses: { 204: { description: 'Signed out' } } }),
      (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        if (token) q.deleteSession(hashToken(token));
        deleteCookie(c, SESSION_COOKIE, cookieOptions);
        return c.body(null, 204);
      },
    )
    .get(
      '/session',
      describeRoute({ tags: ['auth'], summary: 'The signed-in organiser', responses: ok('The current session') }),
      requireOrganiser(deps),
      (c) => c.json({ user: c.get('user') }, 200),
    );
}

// scrypt hash of a random string nobody knows; only its cost matters.
const DUMMY_HASH =
  'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$3q0Zd2v6Jm1nQyq2O9p2n5H6lq1m3c1P3qk0b1w3x1Qm0c8c0VYxq6m1b3y2b4v9ZQ0l5o3v0h6Kq8wq0m4l1w==';
