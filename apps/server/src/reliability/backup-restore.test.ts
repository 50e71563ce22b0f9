import { BackupResponseSchema, CompetitionExportSchema, CompetitionImportResponseSchema } from '@palmares/contract';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.js';
import { openDb, type Db } from '../db/open-db.js';
import { demoOrganiser } from '../demo/demo-data.js';
import { seedDemo } from '../demo/seed-demo.js';
import { fixedClock } from '../lib/clock.js';
import { verifyChain } from '../lib/event-log.js';
import { computeRanking } from '../results/compute.js';
import { roundRankingInput } from '../results/ranking-input.js';
import { insertOrganiser, login, postJson, testApp } from '../test-utils.js';

const dir = mkdtempSync(join(tmpdir(), 'palmares-restore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ranking of every round whose scoring is over, as computed from the database. */
function fingerprint(db: Db, competitionId: number): string {
  const rounds = db.prepare("SELECT id FROM rounds WHERE competition_id = ? AND state IN ('closed', 'confirmed') ORDER BY id").pluck().all(competitionId) as number[];
  return JSON.stringify(rounds.map((r) => computeRanking(roundRankingInput(db, r))));
}

async function demoOnFile(name: string) {
  const db = openDb(join(dir, name));
  await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
  const app = createApp({ db, clock: fixedClock('2026-06-13T09:00:00Z') });
  const cookie = await login(app, demoOrganiser.email, demoOrganiser.password);
  const id = db.prepare('SELECT id FROM competitions').pluck().get() as number;
  return { db, app, cookie, id };
}

describe('backup and restore through the organiser API', () => {
  test('POST /api/admin/backup writes a checked copy beside the database that opens and verifies', async () => {
    const { db, app, cookie } = await demoOnFile('backup-route.sqlite');
    const res = await app.request('/api/admin/backup', { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(201);
    const report = BackupResponseSchema.parse(await res.json());
    expect(report).toMatchObject({ integrity: 'ok' });
    expect(report.file).toMatch(/^palmares-[\w-]+\.sqlite$/);
    expect(existsSync(join(dir, 'backups', report.file))).toBe(true);
    const copy = new Database(join(dir, 'backups', report.file), { readonly: true });
    expect(verifyChain(copy)).toEqual({ ok: true, entries: report.eventLogEntries });
    copy.close();
    db.close();
  });

  test('a server on an in-memory database answers 409, and nobody signed out may trigger a backup', async () => {
    const { app, db } = testApp();
    const organiser = await insertOrganiser(db);
    const cookie = await login(app, organiser.email, organiser.password);
    expect((await app.request('/api/admin/backup', { method: 'POST', headers: { cookie } })).status).toBe(409);
    expect((await app.request('/api/admin/backup', { method: 'POST' })).status).toBe(401);
  });

  test('GET export.json then POST import into an empty server gives the identical results fingerprint', async () => {
    const source = await demoOnFile('export-source.sqlite');
    const res = await source.app.request(`/api/admin/competitions/${source.id}/export.json`, { headers: { cookie: source.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const doc = CompetitionExportSchema.parse(await res.json());

    const target = testApp();
    const organiser = await insertOrganiser(target.db, 'restorer@example.com');
    const cookie = await login(target.app, organiser.email, organiser.password);
    const imported = await postJson(target.app, '/api/admin/competitions/import', doc, { cookie });
    expect(imported.status).toBe(201);
    const { competitionId } = CompetitionImportResponseSchema.parse(await imported.json());

    const expected = fingerprint(source.db, source.id);
    expect(expected.length).toBeGreaterThan(1000);
    expect(fingerprint(target.db, competitionId)).toBe(expected);
    // The importer runs it now: it appears in their list.
    const list = await target.app.request('/api/competitions', { headers: { cookie } });
    expect(JSON.stringify(await list.json())).toContain('Casablanca Smart City 2023');
    // The same document a second time: refused, the first import untouched.
    expect((await postJson(target.app, '/api/admin/competitions/import', doc, { cookie })).status).toBe(409);
    expect(fingerprint(target.db, competitionId)).toBe(expected);
    source.db.close();
  });
});
