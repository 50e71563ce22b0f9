import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppEnv } from './deps.js';

/**
 * Serves the built web app; any other path gets index.html so the client router can handle it.
 * Hashed assets are cached for a year; index.html and the service worker never. Files are
 * compressed (gzip/deflate as the browser accepts): a tablet on venue Wi-Fi downloads the app
 * shell in a quarter of the bytes. The API is registered before this and never passes here, so
 * Server-Sent Events are not buffered by compression.
 */
export function serveWeb(app: Hono<AppEnv>, webRoot: string) {
  const root = relative(process.cwd(), webRoot) || '.';
  const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
  app.use('*', compress());
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root }),
  );
  app.use('*', serveStatic({ root, onFound: (_path, c) => { c.header('Cache-Control', 'no-cache'); } }));
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
}
