import { BackupListResponseSchema, BackupResponseSchema, CompetitionExportSchema, CompetitionImportResponseSchema, ErrorEnvelopeSchema } from '@palmares/contract';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { dbDigest, insertOrganiser, login, postJson, testApp } from '../test-utils.js';

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

  test('GET /api/admin/backups lists the copies newest first, and one downloads by its name, byte for byte, logged', async () => {
    const sub = join(dir, 'listing');
    mkdirSync(sub);
    const db = openDb(join(sub, 'live.sqlite'));
    await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
    const clock = fixedClock('2026-06-13T09:00:00Z');
    const app = createApp({ db, clock });
    const cookie = await login(app, demoOrganiser.email, demoOrganiser.password);
    const first = BackupResponseSchema.parse(await (await app.request('/api/admin/backup', { method: 'POST', headers: { cookie } })).json());
    clock.advance(61_000);
    const second = BackupResponseSchema.parse(await (await app.request('/api/admin/backup', { method: 'POST', headers: { cookie } })).json());

    const listed = BackupListResponseSchema.parse(await (await app.request('/api/admin/backups', { headers: { cookie } })).json());
    expect(listed.backups.map((b) => [b.file, b.bytes])).toEqual([[second.file, second.bytes], [first.file, first.bytes]]);
    expect(listed.backups[0]?.takenAt).toBe('2026-06-13T09:01:01.000Z');
    expect(listed).toMatchObject({ keep: 10, minIntervalSeconds: 60 });

    const res = await app.request(`/api/admin/backups/${first.file}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${first.file}"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(sub, 'backups', first.file)))).toBe(true);
    const logged = db.prepare("SELECT actor, payload FROM events WHERE type = 'backup.downloaded'").get() as { actor: string; payload: string };
    expect(JSON.parse(logged.payload)).toEqual({ file: first.file });
    expect(verifyChain(db).ok).toBe(true);
    expect((await app.request(`/api/admin/backups/${first.file}`)).status).toBe(401);
    db.close();
  });

  test('a download names a backup, never a path: traversal, the live database and look-alike names answer 404', async () => {
    const sub = join(dir, 'traversal');
    mkdirSync(join(sub, 'backups'), { recursive: true });
    const db = openDb(join(sub, 'live.sqlite'));
    await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
    const app = createApp({ db, clock: fixedClock('2026-06-13T09:00:00Z') });
    const cookie = await login(app, demoOrganiser.email, demoOrganiser.password);
    // A file in the folder that is not a backup, and a backup-looking name one level up.
    writeFileSync(join(sub, 'backups', 'notes.txt'), 'secret');
    writeFileSync(join(sub, 'palmares-2026-06-13T09-00-00-000Z.sqlite'), 'outside');
    const before = dbDigest(db);
    for (const name of [
      '..%2Flive.sqlite',
      '..%2F..%2Flive.sqlite',
      '%2E%2E%2Fpalmares-2026-06-13T09-00-00-000Z.sqlite',
      'notes.txt',
      'palmares-2026-06-13T09-00-00-000Z.sqlite',
      'palmares-2026-06-13T09-00-00-000Z.sqlite%00.txt',
      '..%5Clive.sqlite',
      '%2Fetc%2Fpasswd',
    ]) {
      const res = await app.request(`/api/admin/backups/${name}`, { headers: { cookie } });
      expect([name, res.status]).toEqual([name, 404]);
      expect(ErrorEnvelopeSchema.safeParse(await res.json()).success).toBe(true);
    }
    expect(dbDigest(db)).toBe(before);
    db.close();
  });

  test('an import dry run reports what would be written and writes nothing; the same document then imports, and its dry run reports the ids taken', async () => {
    const source = await demoOnFile('dry-run-source.sqlite');
    const doc = CompetitionExportSchema.parse(await (await source.app.request(`/api/admin/competitions/${source.id}/export.json`, { headers: { cookie: source.cookie } })).json());
    const target = testApp();
    const organiser = await insertOrganiser(target.db, 'restorer@example.com');
    const cookie = await login(target.app, organiser.email, organiser.password);
    const before = dbDigest(target.db);

    const dry = await postJson(target.app, '/api/admin/competitions/import?dryRun=true', doc, { cookie });
    expect(dry.status).toBe(200);
    const report = CompetitionImportResponseSchema.parse(await dry.json());
    expect(report).toMatchObject({ dryRun: true, competitionId: source.id, name: 'Casablanca Smart City 2023' });
    expect(report.tables).toMatchObject({ entrants: 24, jurors: 8 });
    expect(report.events).toBeGreaterThan(100);
    expect(dbDigest(target.db)).toBe(before);

    const real = await postJson(target.app, '/api/admin/competitions/import', doc, { cookie });
    expect(real.status).toBe(201);
    expect(CompetitionImportResponseSchema.parse(await real.json())).toEqual({ ...report, dryRun: false });

    const after = dbDigest(target.db);
    const taken = await postJson(target.app, '/api/admin/competitions/import?dryRun=true', doc, { cookie });
    expect(taken.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await taken.json()).error.details[0]?.rule).toBe('ids_taken');
    expect(dbDigest(target.db)).toBe(after);
    source.db.close();
  });
});
