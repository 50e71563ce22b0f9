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
    // The same rows, but the links: an imported juror or startup gets a new one (decision 018).
    const links: Record<string, string> = { jurors: 'invite_token', entrants: 'access_token' };
    const withoutLinks = (tables: typeof doc.tables) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(tables).map(([name, t]) => {
            const at = t.columns.indexOf(links[name] ?? '');
            return [name, { columns: t.columns, rows: t.rows.map((r) => r.map((cell, i) => (i === at ? 'link' : cell))) }];
          }),
        ),
      );
    const again = exportCompetition(target, competitionId, now).tables;
    expect(withoutLinks(again)).toBe(withoutLinks(doc.tables));
    expect(again.jurors?.rows.map((r) => r[again.jurors!.columns.indexOf('invite_token')])).not.toContain('demo-juror-1');
    // The source's entries follow the import entry on this server's chain.
    expect(verifyChain(target)).toMatchObject({ ok: true, entries: 1 + doc.events.rows.length });
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

  test('a correction without its log entry, or with a forged one, is refused with 400 before any write', async () => {
    const { db, id } = await demo();
    const doc = exportCompetition(db, id, now);
    const target = openDb(':memory:');
    const organiser = await insertOrganiser(target);
    const before = dbDigest(target);
    const card = doc.tables.scorecards!.rows[0]!;
    const criterion = doc.tables.criteria!.rows[0]!;
    const chair = doc.tables.jurors!.rows.find((r) => r[doc.tables.jurors!.columns.indexOf('is_chair')] === 1)!;
    const corrections = doc.tables.score_corrections!;
    const row = Object.fromEntries(corrections.columns.map((c) => [c, null])) as Record<string, unknown>;
    Object.assign(row, { id: 999, scorecard_id: card[0], criterion_id: criterion[0], old_value: 3, new_value: 9, reason: 'forged', chair_juror_id: chair[0], created_at: now.toISOString() });
    const withRow = { ...doc, tables: { ...doc.tables, score_corrections: { columns: corrections.columns, rows: [corrections.columns.map((c) => row[c] as never)] } } };
    expect(() => importCompetition(target, withRow, organiser.id, now)).toThrow(
      expect.objectContaining({ status: 400, details: [expect.objectContaining({ path: 'tables.score_corrections.rows.0', rule: 'not-in-log' })] }),
    );
    // A log entry written by hand for it, without recomputing the hash, does not verify.
    const cols = doc.events.columns;
    const last = doc.events.rows.at(-1)!;
    const forged = cols.map((c) =>
      c === 'seq' ? Number(last[cols.indexOf('seq')]) + 1 : c === 'type' ? 'score.corrected' : c === 'payload' ? JSON.stringify({ correctionId: 999 }) : last[cols.indexOf(c)]!,
    );
    const withEntry = { ...withRow, events: { columns: cols, rows: [...doc.events.rows, forged] } };
    expect(() => importCompetition(target, withEntry, organiser.id, now)).toThrow(
      expect.objectContaining({ status: 400, details: expect.arrayContaining([expect.objectContaining({ rule: 'log-broken' })]) }),
    );
    expect(dbDigest(target) === before).toBe(true);
  });

  test("sign-offs are not imported and a published final comes back closed and unsigned: the chair signs again here", async () => {
    const { db, id } = await demo();
    const doc = exportCompetition(db, id, now);
    const final = doc.tables.rounds!.rows.find((r) => r[doc.tables.rounds!.columns.indexOf('kind')] === 'final')!;
    const roundCols = doc.tables.rounds!.columns;
    const publishedFinal = roundCols.map((c, i) => (c === 'state' ? 'confirmed' : c === 'published_at' || c === 'confirmed_at' ? now.toISOString() : final[i]!));
    const snapCols = (db.prepare('PRAGMA table_info(result_snapshots)').all() as { name: string }[]).map((c) => c.name);
    const snapshot = snapCols.map((c) =>
      ({ id: 50, round_id: final[roundCols.indexOf('id')], method: 'satm', rubric_version: 1, fingerprint: 'f', input: '{}', result: '{}', chair_decisions: '[]', created_at: now.toISOString(), published_at: now.toISOString() })[c] ?? null,
    );
    const forged = {
      ...doc,
      tables: {
        ...doc.tables,
        rounds: { columns: roundCols, rows: doc.tables.rounds!.rows.map((r) => (r === final ? publishedFinal : r)) },
        result_snapshots: { columns: snapCols, rows: [snapshot as never] },
        signoffs: { columns: ['snapshot_id', 'role', 'actor', 'signed_at'], rows: [[50, 'chair', 'juror:1', now.toISOString()], [50, 'organiser', 'user:1', now.toISOString()]] },
      },
    };
    const target = openDb(':memory:');
    const organiser = await insertOrganiser(target);
    expect(importCompetition(target, forged, organiser.id, now).dropped).toEqual({ signoffs: 2, publications: 1 });
    expect(target.prepare('SELECT COUNT(*) FROM signoffs').pluck().get()).toBe(0);
    expect(target.prepare('SELECT published_at FROM result_snapshots').pluck().all()).toEqual([null]);
    expect(target.prepare("SELECT state, published_at FROM rounds WHERE kind = 'final'").get()).toEqual({ state: 'closed', published_at: null });
  });
});
