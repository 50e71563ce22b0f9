import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.js';
import { openDb } from '../db/open-db.js';
import { seedDemo } from '../demo/seed-demo.js';
import { bindWithPin, inProcess, postJson } from '../test-utils.js';
import { backupDatabase, backupPath } from './backup.js';
import { fixedClock } from './clock.js';
import { verifyChain } from './event-log.js';

const dir = mkdtempSync(join(tmpdir(), 'palmares-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('online backup', () => {
  test('a backup taken while jurors write opens, passes integrity_check, its event chain verifies, and holds a consistent cut', async () => {
    const db = openDb(join(dir, 'live.sqlite'));
    await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
    const app = createApp({ db, clock: fixedClock('2026-06-13T09:00:00Z') });
    const final = db.prepare("SELECT id FROM rounds WHERE kind = 'final'").pluck().get() as number;
    const pairs = db.prepare('SELECT a.entrant_id AS entrant, j.invite_token AS invite FROM assignments a JOIN jurors j ON j.id = a.juror_id WHERE a.round_id = ?').all(final) as { entrant: number; invite: string }[];
    const tokens = new Map<string, string>();
    for (const invite of new Set(pairs.map((p) => p.invite))) {
      tokens.set(invite, await bindWithPin(inProcess(app), invite));
    }

    let done = false;
    let duringBackup = 0;
    let revision = 0;
    const writer = (async () => {
      while (!done) {
        revision++;
        for (const p of pairs.slice(0, 24)) {
          const res = await postJson(app, `/api/juror/rounds/${final}/changes`, { changes: [{ kind: 'score', entrantId: p.entrant, criterion: 'impact', value: 1 + (revision % 10), revision }] }, { authorization: `Bearer ${tokens.get(p.invite) ?? ''}` });
          expect(res.status).toBe(200);
          duringBackup++;
          await new Promise((r) => setImmediate(r));
        }
      }
    })();
    const destination = backupPath(db, new Date('2026-06-13T10:00:00Z'));
    const report = await backupDatabase(db, destination).finally(() => (done = true));
    await writer;
    expect(duringBackup, 'writes went on while the backup ran').toBeGreaterThan(0);
    expect(report).toMatchObject({ integrity: 'ok' });

    const copy = new Database(destination, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyChain(copy).ok).toBe(true);
      const changes = copy.prepare('SELECT COUNT(*) FROM score_changes ch JOIN scorecards s ON s.id = ch.scorecard_id WHERE s.round_id = ?').pluck().get(final) as number;
      const logged = copy.prepare("SELECT COUNT(*) FROM events WHERE type = 'score.changed'").pluck().get() as number;
      expect(logged, 'every change in the copy has its log entry, and no more').toBe(changes);
    } finally {
      copy.close();
      db.close();
    }
  });

  test('a copy that fails its check is reported as a failure, not as a backup', async () => {
    const db = openDb(join(dir, 'tampered.sqlite'));
    await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
    db.exec('DROP TRIGGER events_no_update');
    db.prepare("UPDATE events SET payload = '{}' WHERE seq = 3").run();
    await expect(backupDatabase(db, join(dir, 'tampered-copy.sqlite'))).rejects.toThrow(/failed its check/);
    db.close();
  });
});
