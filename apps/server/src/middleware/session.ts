import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Deps } from '../deps.js';
import { unauthenticated } from '../lib/errors.js';
import { hashToken } from '../lib/tokens.js';
import { authQueries } from '../routes/auth/auth.queries.js';

export const SESSION_COOKIE = 'palmares_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Lets the request through only with a live organiser session; puts the user on the context. */
export function requireOrganiser({ db, clock }: Deps) {
  const q = authQueries(db);
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? q.sessionUser(hashToken(token), clock.now()) : undefined;
    if (!user) throw unauthenticated();
    c.set('user', user);
    await next();
  });
}
