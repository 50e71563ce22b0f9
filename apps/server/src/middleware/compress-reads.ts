import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { createMiddleware } from 'hono/factory';

const GZIP_MIN_BYTES = 1024;
const gzipAsync = promisify(gzip);

/**
 * What the API reads is sent gzipped (JSON of 1 KB and more, to clients that accept it): the
 * juror's state is 19 KB of JSON on the tablet's first load, sharing a slow link with the app's
 * JavaScript. Writes answer a few hundred bytes and are left alone, and so are the live stream and
 * CSV downloads (not JSON). Compression runs on libuv's thread pool, off the event loop.
 */
export function compressReads() {
  return createMiddleware(async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method !== 'GET' || !/\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) return;
    if (res.headers.has('content-encoding') || !/^application\/json\b/i.test(res.headers.get('content-type') ?? '')) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append('vary', 'Accept-Encoding');
    const zipped = body.byteLength < GZIP_MIN_BYTES ? undefined : await gzipAsync(body);
    if (zipped) {
      headers.set('content-encoding', 'gzip');
      headers.set('content-length', String(zipped.byteLength));
    }
    // Unset first: Hono's setter would copy the old response's headers over the new ones (Vary).
    c.res = undefined;
    c.res = new Response(zipped ?? body, { status: res.status, headers });
  });
}
