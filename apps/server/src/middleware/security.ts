import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../lib/errors.js';

/** Security headers on every response; the CSP allows no inline script. */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host of an Origin header; `null` (sandboxed frames) or garbage has none, and is foreign. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Refuses state-changing requests sent by a page of another origin (CSRF). Browsers always send
 * `Origin` on such requests; tools without it (curl, tests) are not browsers and carry no ambient
 * cookie risk, so a missing Origin is accepted.
 */
export const sameOriginWrites = () =>
  createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const self = new URL(c.req.url).origin;
      const forwardedHost = c.req.header('x-forwarded-host') ?? c.req.header('host');
      const allowed = origin === undefined || origin === self || (forwardedHost !== undefined && hostOf(origin) === forwardedHost);
      if (!allowed || site === 'cross-site') {
        throw new AppError(403, 'FOREIGN_ORIGIN', 'Requests from another site are refused');
      }
    }
    await next();
  });
