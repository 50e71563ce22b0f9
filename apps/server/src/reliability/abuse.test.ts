import { ErrorEnvelopeSchema, PIN_POLICY } from '@palmares/contract';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../app.js';
import { demoOrganiser } from '../demo/demo-data.js';
import { fixedClock } from '../lib/clock.js';
import { LOGIN_POLICY } from '../routes/auth/login-limit.js';
import { dbDigest, postJson } from '../test-utils.js';
import { demoDb } from './support/demo-db.js';

type App = ReturnType<typeof createApp>;

async function demoApp(options: { secureCookies?: boolean; webRoot?: string } = {}) {
  const db = await demoDb();
  const clock = fixedClock('2026-06-13T09:00:00Z');
  return { db, clock, app: createApp({ db, clock, ...options }) };
}

const login = (app: App, password: string, email = demoOrganiser.email) => postJson(app, '/api/auth/login', { email, password });
const envelopeCode = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error.code;

async function bind(app: App, invite = 'demo-juror-2') {
  const res = await postJson(app, '/api/juror/bind', { inviteToken: invite });
  expect(res.status).toBe(201);
  return { res, auth: { authorization: `Bearer ${((await res.json()) as { deviceToken: string }).deviceToken}` } };
}

describe('organiser sign-in is rate-limited per email and address', () => {
  test(`after ${LOGIN_POLICY.attempts} wrong passwords in 15 minutes even the right one gets 429 RATE_LIMITED with Retry-After, until the window passes`, async () => {
    const { app, clock } = await demoApp();
    for (let i = 0; i < LOGIN_POLICY.attempts; i++) expect((await login(app, `wrong-${i}`)).status).toBe(401);
    const limited = await login(app, demoOrganiser.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await envelopeCode(limited)).toBe('RATE_LIMITED');
    // Another account from the same place is not locked out by someone guessing this one.
    expect((await login(app, 'wrong', 'someone@else.example')).status).toBe(401);
    clock.advance(LOGIN_POLICY.windowMs);
    expect((await login(app, demoOrganiser.password)).status).toBe(200);
  });

  test('parallel guesses cannot beat the limit: of 25 at once, at most 10 are checked', async () => {
    const { app } = await demoApp();
    const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) => Promise.resolve(login(app, `guess-${i}`)).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_POLICY.attempts);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25 - LOGIN_POLICY.attempts);
  });

  test('successful sign-ins do not use up the allowance', async () => {
    const { app } = await demoApp();
    for (let i = 0; i < LOGIN_POLICY.attempts + 2; i++) expect((await login(app, demoOrganiser.password)).status).toBe(200);
  });
});

describe('the juror PIN is rate-limited online and locks the tablet', () => {
  test(`${PIN_POLICY.attemptsPerWindow} wrong PINs per 5 minutes, then 429; the ${PIN_POLICY.lockAfter}th wrong PIN in a row locks the tablet (423 on every juror route)`, async () => {
    const { app, clock } = await demoApp();
    const { auth } = await bind(app);
    expect((await postJson(app, '/api/juror/pin', { pin: '4821' }, auth)).status).toBe(200);
    const unlock = (pin: string) => postJson(app, '/api/juror/unlock', { pin }, auth);
    let wrong = 0;
    for (; wrong < PIN_POLICY.attemptsPerWindow; wrong++) expect((await unlock('0000')).status).toBe(401);
    const limited = await unlock('4821');
    expect(limited.status).toBe(429);
    expect(await envelopeCode(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    while (wrong < PIN_POLICY.lockAfter - 1) {
      clock.advance(PIN_POLICY.windowMs);
      for (let i = 0; i < PIN_POLICY.attemptsPerWindow && wrong < PIN_POLICY.lockAfter - 1; i++, wrong++) expect((await unlock('0000')).status).toBe(401);
    }
    clock.advance(PIN_POLICY.windowMs);
    const locked = await unlock('0000');
    expect(locked.status).toBe(423);
    expect(await envelopeCode(locked)).toBe('BINDING_LOCKED');
    expect((await unlock('4821')).status).toBe(423);
    expect((await app.request('/api/juror/state', { headers: auth })).status).toBe(423);
  });
});

describe('request bodies are limited in size', () => {
  const huge = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(MAX_BODY_BYTES) });

  test(`a body over ${MAX_BODY_BYTES / 1024} KiB gets 413 PAYLOAD_TOO_LARGE and changes nothing, with or without a Content-Length`, async () => {
    const { app, db } = await demoApp();
    const { auth } = await bind(app);
    const before = dbDigest(db);
    const declared = await postJson(app, '/api/auth/login', huge);
    expect(declared.status).toBe(413);
    expect(await envelopeCode(declared)).toBe('PAYLOAD_TOO_LARGE');
    const bytes = new TextEncoder().encode(JSON.stringify({ changes: [{ kind: 'note', entrantId: 1, text: 'n'.repeat(MAX_BODY_BYTES), revision: 1 }] }));
    const streamed = await app.request('/api/juror/rounds/2/changes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
          controller.close();
        },
      }),
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
    expect(await envelopeCode(streamed)).toBe('PAYLOAD_TOO_LARGE');
    expect(dbDigest(db) === before).toBe(true);
  });
});

describe('security headers on every response', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'palmares-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  test.each([
    ['the SPA shell', '/'],
    ['a deep link of the SPA', '/j/demo-juror-1'],
    ['a static asset', '/assets/app.js'],
    ['the service worker', '/sw.js'],
    ['an API answer', '/api/health'],
    ['an API refusal', '/api/competitions'],
    ['an unknown API route', '/api/nothing-here'],
    ['the OpenAPI document', '/api/openapi.json'],
  ])('%s (%s) carries a CSP without inline scripts, nosniff, a referrer policy and frame-ancestors none', async (_what, path) => {
    const { app } = await demoApp({ webRoot });
    const res = await app.request(path);
    expect(res.status).toBeLessThan(500);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toMatch(/^(same-origin|no-referrer|strict-origin)/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  const builtIndex = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
  test('the built web app has no inline script, so the CSP does not break it', () => {
    // A missing build must fail this test, not skip it: a skipped check proves nothing.
    expect(existsSync(builtIndex), `no built web app at ${builtIndex}: run \`pnpm build\` first`).toBe(true);
    const html = readFileSync(builtIndex, 'utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') && (body ?? '').trim() !== '');
    expect(inline).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe('cookies', () => {
  const attributes = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';').map((p) => p.trim().toLowerCase());

  test('the session and device cookies are HttpOnly and SameSite=Lax, and not Secure on plain http', async () => {
    const { app } = await demoApp();
    for (const res of [await login(app, demoOrganiser.password), (await bind(app)).res]) {
      const a = attributes(res);
      expect(a).toContain('httponly');
      expect(a).toContain('samesite=lax');
      expect(a).not.toContain('secure');
    }
  });

  test('with secureCookies (served over https) both cookies are Secure too', async () => {
    const { app } = await demoApp({ secureCookies: true });
    for (const res of [await login(app, demoOrganiser.password), (await bind(app)).res]) {
      expect(attributes(res)).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure']));
    }
  });
});

describe('cross-site writes', () => {
  test.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['the null Origin of a sandboxed frame', { origin: 'null', host: 'localhost' }],
    ['a malformed Origin', { origin: 'not a url', host: 'localhost' }],
  ])('a state-changing request with %s is refused with 403 FOREIGN_ORIGIN and changes nothing', async (_what, headers) => {
    const { app, db } = await demoApp();
    const cookie = (await login(app, demoOrganiser.password)).headers.get('set-cookie')?.split(';')[0] ?? '';
    const before = dbDigest(db);
    const res = await postJson(app, '/api/competitions', { name: 'Forged' }, { cookie, ...headers });
    expect(res.status).toBe(403);
    expect(await envelopeCode(res)).toBe('FOREIGN_ORIGIN');
    const bindRes = await postJson(app, '/api/juror/bind', { inviteToken: 'demo-juror-1' }, headers);
    expect(bindRes.status).toBe(403);
    expect(dbDigest(db) === before).toBe(true);
  });

  test('the same origin may write', async () => {
    const { app } = await demoApp();
    const res = await postJson(app, '/api/juror/bind', { inviteToken: 'demo-juror-1' }, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(201);
  });
});
