import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createApp } from './app.js';
import { openDb } from './db/open-db.js';

function appWithWeb() {
  const webRoot = mkdtempSync(join(tmpdir(), 'palmares-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Palmares</title>');
  writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), `console.log(${JSON.stringify('x'.repeat(20_000))});`);
  return createApp({ db: openDb(':memory:'), webRoot });
}

test('hashed assets are served gzip-compressed to a browser that accepts it, and cached for a year', async () => {
  const res = await appWithWeb().request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('gzip');
  expect(res.headers.get('cache-control')).toContain('immutable');
  expect((await res.arrayBuffer()).byteLength).toBeLessThan(2_000);
});

test('a client route gets index.html (SPA fallback), while an unknown /api route stays a JSON 404', async () => {
  const app = appWithWeb();
  const page = await app.request('/juror/entrants/3');
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>Palmares</title>');
  const api = await app.request('/api/does-not-exist');
  expect(api.status).toBe(404);
  expect(api.headers.get('content-type')).toContain('application/json');
});
