import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppEnv } from './deps.js';

/** The juror's screens that read `/api/juror/state` first thing: the scorecard and the home. */
const JUROR_SCREEN = /^\/juror(?:\/entrants\/[^/]+)?\/?$/;

/**
 * Asks the browser to fetch the juror's state while it downloads the JavaScript, instead of after
 * the app has started (one round trip less on venue Wi-Fi). `crossorigin="anonymous"` makes it the
 * same request as the app's own `fetch` (same-origin credentials), so the app gets this response.
 */
const JUROR_STATE_PRELOAD = '<link rel="preload" href="/api/juror/state" as="fetch" crossorigin="anonymous">';

function withJurorStatePreload(indexHtml: string): string {
  return indexHtml.includes('</head>') ? indexHtml.replace('</head>', `  ${JUROR_STATE_PRELOAD}\n  </head>`) : indexHtml;
}

/**
 * Serves the built web app; any other path gets index.html so the client router can handle it.
 * Hashed assets are cached for a year; index.html and the service worker never. Assets are
 * served from the brotli or gzip files the build wrote beside them (`precompressed`), and any
 * other file is compressed on the fly (gzip/deflate as the browser accepts): a tablet on venue
 * Wi-Fi downloads the app shell in a quarter of the bytes. The API is registered before this and
 * never passes here, so Server-Sent Events are not buffered by compression.
 */
export function serveWeb(app: Hono<AppEnv>, webRoot: string) {
  const root = relative(process.cwd(), webRoot) || '.';
  const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const jurorIndexHtml = withJurorStatePreload(indexHtml);
  app.use('*', compress());
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root, precompressed: true }),
  );
  app.use('*', serveStatic({ root, onFound: (_path, c) => { c.header('Cache-Control', 'no-cache'); } }));
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(JUROR_SCREEN.test(c.req.path) ? jurorIndexHtml : indexHtml);
  });
}
