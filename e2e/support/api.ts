/** Anything with zod's `parse`: the contract's schemas check every answer. */
export interface Parser<T> {
  parse(input: unknown): T;
}

/** For the answers a fixture does not read. */
export const Anything: Parser<unknown> = { parse: (input) => input };

/** A tiny JSON client for one identity (organiser session cookie, or a tablet's Bearer token). */
export function client(baseUrl: string, auth: { cookie?: string; bearer?: string } = {}) {
  return async function call<T>(method: string, path: string, schema: Parser<T>, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return schema.parse(text === '' ? null : JSON.parse(text));
  };
}

/** Signs an organiser in; the session cookie to send with the organiser's requests. */
export async function signIn(baseUrl: string, organiser: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(organiser),
  });
  if (!res.ok) throw new Error(`login answered ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error('login set no cookie');
  return cookie;
}
