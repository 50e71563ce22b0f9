import { createMiddleware } from 'hono/factory';

/**
 * What `/api` answers say to caches (browsers, proxies, a venue's captive portal). Nearly all of
 * them are private: a juror's state, entrants with their private links, exports, the deliberation
 * — `no-store`, so nothing of them stays on a shared tablet's disk or in a proxy. The public ones
 * say so explicitly: the published winners may be kept but re-validated (they change at
 * publication), the API description may be kept five minutes. A route that sets its own policy
 * keeps it (SSE streams, downloads).
 */
const PUBLIC: [RegExp, string][] = [
  [/^\/api\/public\//, 'public, no-cache'],
  [/^\/api\/openapi\.json$/, 'public, max-age=300'],
];

export const cachePolicy = () =>
  createMiddleware(async (c, next) => {
    await next();
    if (c.res.headers.has('cache-control')) return;
    const policy = PUBLIC.find(([path]) => path.test(c.req.path))?.[1] ?? 'no-store';
    c.res.headers.set('cache-control', policy);
  });
