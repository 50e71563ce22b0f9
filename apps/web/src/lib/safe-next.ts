/**
 * Where sign-in may send the organiser back to: a path of this site only. `next` comes from the
 * address bar, so anyone can write a link that sets it; an absolute (`https://evil.example`),
 * protocol-relative (`//evil.example`) or backslashed (`/\evil.example`, which browsers read as
 * `//`) value would make the sign-in page an open redirect. Anything else falls back to `/`.
 *
 * @example
 * safeNext('/competitions/1/jurors?tab=links') // '/competitions/1/jurors?tab=links'
 * safeNext('//evil.example')                   // '/'
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // Backslashes, control characters and spaces are refused outright: browsers strip or rewrite them
  // (`/\t/evil` becomes `//evil`) before they resolve the address.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\\\u0000-\u0020\u007F]/.test(next)) return '/';
  const base = 'https://palmares.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  // Back to the sign-in page itself would loop.
  if (url.pathname === '/login') return '/';
  return url.pathname + url.search + url.hash;
}

/** The sign-in page's address that brings the organiser back to `path` (with its query) afterwards. */
export function loginPathFor(path: string): string {
  const next = safeNext(path);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
