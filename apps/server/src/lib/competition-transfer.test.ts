import { CompetitionExportSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { openDb, type Db } from '../db/open-db.js';
import { seedDemo } from '../demo/seed-demo.js';
import { computeRanking } from '../results/compute.js';
import { roundRankingInput } from '../results/ranking-input.js';
import { dbDigest, insertOrganiser } from '../test-utils.js';
import { EXPORTED_TABLES, NOT_EXPORTED, exportCompetition, importCompetition } from './competition-transfer.js';
import { verifyChain } from './event-log.js';

const now = new Date('2026-06-15T18:00:00Z');

/** What the results of every round of a competition come to, as the ranking computes them. */
function resultsFingerprint(db: Db, competitionId: number): string {
  const rounds = db.prepare('SELECT id, kind FROM rounds WHERE competition_id = ? ORDER BY id').all(competitionId) as { id: number; kind: string }[];
  return JSON.stringify(
    rounds.map((r) => {
      try {
        const input = roundRankingInput(db, r.id);
        return { kind: r.kind, input, result: computeRanking(input) };
      } catch (err) {
        return { kind: r.kind, refused: String(err) };
      }
    }),
  );
}

async function demo() {
  const db = openDb(':memory:');
  await seedDemo(db, new Date('2026-06-01T00:00:00Z'));
  const id = db.prepare('SELECT id FROM competitions').pluck().get() as number;
  return { db, id };
}

describe('competition export and import', () => {
  test('every table is either exported or left out for a stated reason', async () => {
    const { db } = await demo();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const placed = new Set([...EXPORTED_TABLES.map((t) => t.table), ...Object.keys(NOT_EXPORTED)]);
    expect(tables.filter((t) => !placed.has(t))).toEqual([]);
  });

  test('the demo exported as one JSON document and imported into an empty database gives the same results fingerprint', async () => {
    const source = await demo();
    const doc = CompetitionExportSchema.parse(JSON.parse(JSON.stringify(exportCompetition(source.db, source.id, now))));
    expect(doc.tables.score_changes?.rows.length).toBeGreaterThan(500);
    // Small enough for the API's 256 KiB body limit (POST /api/admin/competitions/import).
    expect(JSON.stringify(doc).length).toBeLessThan(256 * 1024);

    const target = openDb(':memory:');
    const organiser = await insertOrganiser(target);
    const { competitionId, rows } = importCompetition(target, doc, organiser.id, now);
    expect(competitionId).toBe(source.id);
    expect(rows).toBe(Object.values(doc.tables).reduce((n, t) => n + t.rows.length, 0));

    const fingerprint = resultsFingerprint(source.db, source.id);
    expect(fingerprint).toContain('"selection"');
    expect(resultsFingerprint(target, competitionId)).toBe(fingerprint);
    expect(JSON.stringify(exportCompetition(target, competitionId, now).tables)).toBe(JSON.stringify(doc.tables));
    expect(verifyChain(target)).toMatchObject({ ok: true, entries: 1 });
  });

  test('importing into a database that already holds the competition is refused with 409 and writes nothing', async () => {
    const { db, id } = await demo();
    const doc = exportCompetition(db, id, now);
    const organiser = await insertOrganiser(db, 'second@example.com');
    const before = dbDigest(db);
    expect(() => importCompetition(db, doc, organiser.id, now)).toThrow(expect.objectContaining({ status: 409, code: 'CONFLICT' }));
    expect(dbDigest(db) === before).toBe(true);
  });

  test('a document naming a table or a column the database lacks is refused with 400 before any write', async () => {
    const { db, id } = await demo();
    const doc = exportCompetition(db, id, now);
    const target = openDb(':memory:');
    const organiser = await insertOrganiser(target);
    const before = dbDigest(target);
    const axes = doc.tables.axes ?? { columns: [], rows: [] };
    const withColumn = { ...doc, tables: { ...doc.tables, axes: { columns: [...axes.columns, 'id) VALUES (1); DROP TABLE users; --'], rows: axes.rows.map((r) => [...r, 1]) } } };
    expect(() => importCompetition(target, withColumn, organiser.id, now)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => importCompetition(target, { ...doc, tables: { ...doc.tables, users: { columns: ['id'], rows: [] } } }, organiser.id, now)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(dbDigest(target) === before).toBe(true);
  });
});
