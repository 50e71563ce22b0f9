import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { generateSpecs } from 'hono-openapi';
import type { AppEnv, Deps } from './deps.js';
import type { Db } from './db/open-db.js';
import { systemClock, type Clock } from './lib/clock.js';
import { AppError, envelope } from './lib/errors.js';
import { LiveHub } from './lib/live-hub.js';
import { limitBody } from './middleware/body-limit.js';
import { compressReads } from './middleware/compress-reads.js';
import { cachePolicy } from './middleware/cache-policy.js';
import { securityHeaders, sameOriginWrites, type ProxyTrust } from './middleware/security.js';
import { authRoutes } from './routes/auth/auth.routes.js';
import { competitionRoutes } from './routes/competitions/competitions.routes.js';
import { liveRoutes } from './routes/live/live.routes.js';
import { roundRoutes } from './routes/rounds/rounds.routes.js';
import { entrantRoutes } from './routes/entrants/entrants.routes.js';
import { settingsRoutes } from './routes/settings/settings.routes.js';
import { healthRoutes } from './routes/health/health.routes.js';
import { jurorApi } from './routes/juror/juror-api.js';
import { chairRoutes } from './routes/deliberation/chair.routes.js';
import { deliberationRoutes } from './routes/deliberation/deliberation.routes.js';
import { resultsRoutes } from './routes/results/results.routes.js';
import { startupRoutes } from './routes/startup/startup.routes.js';
import { publicRoutes } from './routes/public/public.routes.js';
import { exportRoutes } from './routes/exports/exports.routes.js';
import { adminRoutes } from './routes/admin/admin.routes.js';
import { secureDocument } from './openapi-security.js';
import { serveWeb } from './static.js';

export const MAX_BODY_BYTES = 256 * 1024;

export interface AppOptions {
  db: Db;
  clock?: Clock;
  secureCookies?: boolean;
  /** Folder of the built web app; omitted in API-only tests. */
  webRoot?: string;
  live?: LiveHub;
  /** Forwarded headers are believed only behind a declared proxy (TRUST_PROXY); PUBLIC_URL's origin is this site's. */
  proxy?: ProxyTrust;
}

function apiRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .route('/health', healthRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/', jurorApi(deps))
    .route('/competitions', competitionRoutes(deps))
    .route('/competitions/:id/settings', settingsRoutes(deps))
    .route('/competitions/:id/entrants', entrantRoutes(deps))
    .route('/competitions/:id/rounds', roundRoutes(deps))
    .route('/competitions/:id/deliberation', deliberationRoutes(deps))
    .route('/competitions/:id/results', resultsRoutes(deps))
    .route('/chair', chairRoutes(deps))
    .route('/competitions/:id/live', liveRoutes(deps))
    .route('/competitions/:id/exports', exportRoutes(deps))
    .route('/startup', startupRoutes(deps))
    .route('/public', publicRoutes(deps));
}

/** Builds the whole HTTP app from its dependencies; nothing here reads the environment. */
export function createApp(options: AppOptions) {
  const deps: Deps = {
    db: options.db,
    clock: options.clock ?? systemClock,
    secureCookies: options.secureCookies ?? false,
    live: options.live ?? new LiveHub(),
  };
  const api = apiRoutes(deps);

  const proxy = options.proxy ?? { trustProxy: false };
  const app = new Hono<AppEnv>()
    .use(securityHeaders(proxy))
    .use('/api/*', cachePolicy())
    .use(
      '/api/*',
      limitBody(MAX_BODY_BYTES, (c) => c.json(envelope('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`), 413)),
    )
    .use('/api/*', sameOriginWrites(proxy))
    .use('/api/*', compressReads())
    .route('/api', api);

  // Generated once from the routes, then given who may call what (openapi-security.ts).
  let openApi: object | undefined;
  app.get('/api/openapi.json', async (c) => {
    openApi ??= secureDocument(
      await generateSpecs(app, {
        documentation: {
          info: { title: 'Palmares API', version: '0.1.0', description: 'Jury app for startup pitch competitions' },
          servers: [{ url: '/' }],
        },
      }, c),
    );
    return c.json(openApi);
  });
  app.all('/api/*', (c) => c.json(envelope('NOT_FOUND', `No route ${c.req.method} ${c.req.path}`), 404));
  if (options.webRoot) serveWeb(app, options.webRoot);

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(envelope(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const malformed = /malformed json/i.test(err.message);
      return c.json(
        envelope(malformed ? 'INVALID_JSON' : 'VALIDATION_FAILED', malformed ? 'The body is not valid JSON' : err.message),
        err.status === 413 ? 413 : 400,
      );
    }
    console.error(err);
    return c.json(envelope('INTERNAL', 'Something went wrong on the server'), 500);
  });
  return app;
}

/** The API's type, for the typed client of the web app (`hc<AppType>`). */
export type AppType = ReturnType<typeof apiRoutes>;
