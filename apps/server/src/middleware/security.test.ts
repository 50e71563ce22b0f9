import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.js';
import { openDb } from '../db/open-db.js';

const SECURITY = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
const securityOf = (res: Response) => Object.fromEntries(SECURITY.map((h) => [h, res.headers.get(h)]));

// Served by Node, the headers take another path than in app.request(): both must say the same.
describe('security headers served by Node', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'palmares-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1);');
  const app = createApp({ db: openDb(':memory:'), webRoot });
  let server: ServerType;
  let base = '';

  beforeAll(async () => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(webRoot, { recursive: true, force: true });
  });

  test.each([
    ['the SPA shell', 'GET', '/'],
    ['a static asset', 'GET', '/assets/app.js'],
    ['an API answer', 'GET', '/api/health'],
    ['an API refusal', 'GET', '/api/competitions'],
    ['an unknown API route', 'GET', '/api/nothing-here'],
    ['a refused write', 'POST', '/api/juror/rounds/1/changes'],
    ['a malformed body', 'POST', '/api/auth/login'],
  ])('%s (%s %s) carries exactly the headers app.request() shows', async (_what, method, path) => {
    const init = { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{' } : {}) };
    const [served, inProcess] = [await fetch(base + path, init), await app.request(path, init)];
    expect(served.status).toBe(inProcess.status);
    expect(securityOf(served)).toEqual(securityOf(inProcess));
    expect(served.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('referrer-policy')).toBe('same-origin');
  });
});
