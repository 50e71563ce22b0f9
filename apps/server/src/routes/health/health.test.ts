import { ReadinessResponseSchema } from '@palmares/contract';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../app.js';
import { migrate, sqliteMigrationNames } from '../../db/migrate.js';
import { markDraining } from '../../lib/lifecycle.js';
import { testApp } from '../../test-utils.js';

const readiness = async (app: ReturnType<typeof createApp>) => {
  const res = await app.request('/api/health/ready');
  return { status: res.status, body: ReadinessResponseSchema.parse(await res.json()) };
};

// This file marks its process draining at the end: vitest gives each test file its own modules.
describe('readiness (GET /api/health/ready), what a load balancer asks before sending traffic', () => {
  test('is 200 "ready" once the database answers and every migration is applied', async () => {
    const { app } = testApp();
    expect(await readiness(app)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', accepting: true } } });
  });

  test('is 503 while a migration is not applied (a process started on an older schema)', async () => {
    const db = new Database(':memory:');
    migrate(db);
    // As if the newest migration had not run: its record is what the check reads.
    const newest = sqliteMigrationNames().at(-1);
    db.prepare('DELETE FROM schema_migrations WHERE name = ?').run(newest);
    const { status, body } = await readiness(createApp({ db }));
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', checks: { database: 'ok', migrations: 'pending', accepting: true } });
  });

  test('is 503 when the database does not answer, and liveness still says the process is alive', async () => {
    const db = new Database(':memory:');
    migrate(db);
    const app = createApp({ db });
    db.close();
    const { status, body } = await readiness(app);
    expect(status).toBe(503);
    expect(body.checks.database).toBe('unreachable');
    expect((await app.request('/api/health')).status).toBe(200);
  });

  test('is 503 from the moment the process starts shutting down', async () => {
    const { app } = testApp();
    markDraining();
    const { status, body } = await readiness(app);
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', checks: { database: 'ok', migrations: 'ok', accepting: false } });
  });
});
