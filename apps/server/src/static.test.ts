import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { createApp } from './app.js';
import { openDb } from './db/open-db.js';

function appWithWeb() {
  const webRoot = mkdtempSync(join(tmpdir(), 'palmares-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><title>Palmares</title></head><body></body></html>');
  writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), script);
  // What the web build writes beside each asset (apps/web/vite.plugins.ts).
  writeFileSync(join(webRoot, 'assets', 'app-abc123.js.br'), brotliCompressSync(script));
  return createApp({ db: openDb(':memory:'), webRoot });
}

const script = `console.log(${JSON.stringify('x'.repeat(20_000))});`;
const statePreload = '<link rel="preload" href="/api/juror/state" as="fetch" crossorigin="anonymous">';

test('hashed assets are served gzip-compressed to a browser that accepts only gzip, and cached for a year', async () => {
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

test('a browser that accepts brotli gets the brotli file written at build time, cached for a year', async () => {
  const res = await appWithWeb().request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('br');
  expect(res.headers.get('content-type')).toContain('javascript');
  expect(res.headers.get('cache-control')).toContain('immutable');
  expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
});

test('the juror’s home and scorecard pages ask the browser to fetch the juror’s state beside the scripts', async () => {
  const app = appWithWeb();
  for (const path of ['/juror', '/juror/', '/juror/entrants/3']) {
    const html = await (await app.request(path)).text();
    expect(html).toContain(statePreload);
    expect(html.indexOf(statePreload)).toBeLessThan(html.indexOf('</head>'));
  }
});

test('other pages, the juror’s chair screens included, carry no preload of the juror’s state', async () => {
  const app = appWithWeb();
  for (const path of ['/', '/login', '/competitions/1', '/j/demo-juror-1', '/juror/deliberation', '/s/demo-startup']) {
    expect(await (await app.request(path)).text()).not.toContain('/api/juror/state');
  }
});
