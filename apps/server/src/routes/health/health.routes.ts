import { HealthResponseSchema, ReadinessResponseSchema, type ReadinessResponse } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { sqliteMigrationNames } from '../../db/migrate.js';
import type { AppEnv, Deps } from '../../deps.js';
import { isDraining } from '../../lib/lifecycle.js';

const json = (schema: Parameters<typeof resolver>[0]) => ({ 'application/json': { schema: resolver(schema) } });

/** Liveness (the process answers) and readiness (it can serve: database, schema, not shutting down). */
export const healthRoutes = ({ db }: Pick<Deps, 'db'>) =>
  new Hono<AppEnv>()
    .get(
      '/',
      describeRoute({
        tags: ['system'],
        summary: 'Liveness',
        responses: { 200: { description: 'Alive', content: json(HealthResponseSchema) } },
      }),
      (c) => c.json({ status: 'ok' as const }, 200),
    )
    .get(
      '/ready',
      describeRoute({
        tags: ['system'],
        summary: 'Readiness: the database answers, every migration is applied, the process is not shutting down',
        responses: {
          200: { description: 'Ready to take traffic', content: json(ReadinessResponseSchema) },
          503: { description: 'Not ready: the checks say why', content: json(ReadinessResponseSchema) },
        },
      }),
      (c) => {
        let database: ReadinessResponse['checks']['database'] = 'ok';
        let migrations: ReadinessResponse['checks']['migrations'] = 'pending';
        try {
          const applied = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
          migrations = sqliteMigrationNames().every((name) => applied.has(name)) ? 'ok' : 'pending';
        } catch {
          database = 'unreachable';
        }
        const accepting = !isDraining();
        const ready = database === 'ok' && migrations === 'ok' && accepting;
        const body: ReadinessResponse = { status: ready ? 'ready' : 'unavailable', checks: { database, migrations, accepting } };
        return c.json(body, ready ? 200 : 503);
      },
    );
