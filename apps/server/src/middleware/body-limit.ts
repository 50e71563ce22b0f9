import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';

/**
 * Refuses request bodies over `maxSize` bytes. A declared Content-Length is judged from the header
 * alone (Node's HTTP parser never delivers more bytes than it declares); only a body without one
 * (chunked) is counted as it streams, by Hono's `bodyLimit`. Hono's middleware reads
 * `c.req.raw.body` first, which under @hono/node-server turns every request into a full web
 * `Request` with a `ReadableStream` body: a large share of a score submission's CPU.
 * GET and HEAD bodies are never read, so they are not looked at.
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return createMiddleware(async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(declared, 10) > maxSize ? onError(c) : next();
    }
    return streamed(c, next);
  });
}
