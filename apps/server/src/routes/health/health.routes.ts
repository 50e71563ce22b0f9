import { HealthResponseSchema } from '@palmares/contract';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import type { AppEnv } from '../../deps.js';

export const healthRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    describeRoute({
      tags: ['system'],
      summary: 'Liveness',
      responses: { 200: { description: 'Alive', content: { 'application/json': { schema: resolver(HealthResponseSchema) } } } },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
