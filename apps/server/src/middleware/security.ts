import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../lib/errors.js';

/** The CSP allows no inline script; a route may set a stricter header of its own (`overwrite: false`). */
const SECURE_HEADERS: NonNullable<Parameters<typeof secureHeaders>[0]> = {
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
  // HSTS is only meaningful, and only sent, over HTTPS (see `isHttps`): over plain HTTP it would
  // tell a browser that the laptop at the venue speaks HTTPS when it does not.
  strictTransportSecurity: false,
  overwrite: false,
};

const HSTS = 'max-age=15552000; includeSubDomains';

/** Who the server believes: forwarded headers only when a proxy in front is declared (TRUST_PROXY). */
export interface ProxyTrust {
  trustProxy: boolean;
  /** PUBLIC_URL's origin, when set: the address browsers use, whatever the socket says. */
  publicOrigin?: string;
}

/** Whether this request reached us over HTTPS: the server's own TLS, or a trusted proxy's. */
export function isHttps(c: Context, trust: ProxyTrust): boolean {
  if (c.req.url.startsWith('https:')) return true;
  return trust.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** The pairs Hono's `secureHeaders` sets with these options, found once by running it. */
async function secureHeaderPairs(): Promise<[string, string][]> {
  const probe = new Hono().use(secureHeaders(SECURE_HEADERS)).get('/', (c) => c.body(null, 204));
  return [...(await probe.request('/')).headers];
}

/** What @hono/node-server passes as `c.env`: the Node response, before anything is written. */
interface NodeResponse {
  setHeader(name: string, value: string): unknown;
  headersSent: boolean;
}
const nodeResponseOf = (env: unknown): NodeResponse | undefined => {
  const outgoing = (env as { outgoing?: Partial<NodeResponse> } | undefined)?.outgoing;
  return typeof outgoing?.setHeader === 'function' && outgoing.headersSent === false ? (outgoing as NodeResponse) : undefined;
};

/**
 * Security headers on every response. Served by Node, they go straight onto the Node response
 * (`setHeader`, before the route runs), where the route's own headers are merged over them when
 * it answers. Hono's `secureHeaders` instead copies every response's headers into a web `Headers`
 * object to add them, which cost about a fifth of the CPU of a score submission. Elsewhere
 * (`app.request()` in tests) Hono's middleware sets the very same pairs.
 */
export function securityHeaders(trust: ProxyTrust = { trustProxy: false }): MiddlewareHandler {
  const portable = secureHeaders(SECURE_HEADERS);
  const computing = secureHeaderPairs();
  let pairs: [string, string][] | undefined;
  return async (c, next) => {
    const https = isHttps(c, trust);
    const node = nodeResponseOf(c.env);
    if (!node) {
      await portable(c, next);
      if (https && !c.res.headers.has('strict-transport-security')) c.res.headers.set('strict-transport-security', HSTS);
      return;
    }
    pairs ??= await computing;
    for (const [name, value] of pairs) node.setHeader(name, value);
    if (https) node.setHeader('strict-transport-security', HSTS);
    await next();
  };
}

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
 * Whether a page of `origin` is this site. The site is PUBLIC_URL's origin when set, else the
 * host the request was sent to (the `Host` header, which a browser sets itself and a page cannot
 * change). `X-Forwarded-Host` is read only behind a declared proxy: anyone can send it, and a
 * foreign page's request with `X-Forwarded-Host` set to its own host used to pass as same-origin.
 */
function sameOrigin(c: Context, origin: string, trust: ProxyTrust): boolean {
  if (trust.publicOrigin !== undefined && origin === trust.publicOrigin) return true;
  if (origin === new URL(c.req.url).origin) return true;
  const host = (trust.trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined) ?? c.req.header('host');
  return host !== undefined && hostOf(origin) === host;
}

/**
 * Refuses state-changing requests sent by a page of another origin (CSRF). Browsers always send
 * `Origin` on such requests; tools without it (curl, tests) are not browsers and carry no ambient
 * cookie risk, so a missing Origin is accepted.
 */
export const sameOriginWrites = (trust: ProxyTrust = { trustProxy: false }) =>
  createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if ((origin !== undefined && !sameOrigin(c, origin, trust)) || c.req.header('sec-fetch-site') === 'cross-site') {
        throw new AppError(403, 'FOREIGN_ORIGIN', 'Requests from another site are refused');
      }
    }
    await next();
  });
