import { ErrorEnvelopeSchema } from '@palmares/contract';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from './app.js';
import { dbDigest, postJson, testApp } from './test-utils.js';

describe('the HTTP app', () => {
  test('GET /api/health answers 200 {"status":"ok"}', async () => {
    const { app } = testApp();
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('GET /api/openapi.json describes the routes from the contract schemas', async () => {
    const { app } = testApp();
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/competitions', '/api/competitions/{id}']),
    );
    expect(JSON.stringify(doc.paths['/api/auth/login'])).toContain('password');
  });

  test('API reads of 1 KB and more go gzipped to clients that accept it; small answers and writes do not', async () => {
    const { app } = testApp();
    const plain = await app.request('/api/openapi.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);

    const gz = await app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await gz.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);

    const small = await app.request('/api/health', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    const write = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'accept-encoding': 'gzip', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'x'.repeat(2000) }),
    });
    expect(write.headers.get('content-encoding')).toBeNull();
  });

  test('an unknown /api route answers a JSON 404 envelope, not the web app', async () => {
    const { app } = testApp();
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });

  test('malformed JSON gets 400 INVALID_JSON and changes nothing', async () => {
    const { app, db } = testApp();
    const before = dbDigest(db);
    const res = await postJson(app, '/api/auth/login', '{"email": ');
    expect(res.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('INVALID_JSON');
    expect(dbDigest(db)).toBe(before);
  });

  test('a body over the size limit gets 413 with the envelope', async () => {
    const { app } = testApp();
    const res = await postJson(app, '/api/auth/login', { email: 'a@b.co', password: 'x'.repeat(MAX_BODY_BYTES) });
    expect(res.status).toBe(413);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a state-changing request from a foreign Origin is refused with 403', async () => {
    const { app } = testApp();
    const res = await postJson(app, '/api/auth/logout', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('FOREIGN_ORIGIN');
  });

  test('responses carry security headers with a CSP that allows no inline script', async () => {
    const { app } = testApp();
    const res = await app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });
});
