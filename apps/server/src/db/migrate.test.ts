import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { Database as Db } from 'better-sqlite3';
import { appendEvent, entryHash, GENESIS_HASH, verifyChain, type EventInput } from '../lib/event-log.js';
import { migrate } from './migrate.js';

const fresh = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const at = new Date('2026-06-13T09:00:00Z');

/** An entry as servers wrote them before migration 0022: one chain for the instance, by `seq`. */
function appendLegacyEvent(db: Db, input: EventInput) {
  const last = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    competition_id: input.competitionId,
    at: input.at.toISOString(),
    actor: input.actor,
    type: input.type,
    payload: JSON.stringify(input.payload),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  db.prepare('INSERT INTO events (seq, competition_id, at, actor, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    ...Object.values(row),
    entryHash(row),
  );
}

/** Two competitions, to log against. */
function twoCompetitions(db: Db) {
  for (const id of [1, 2]) {
    db.prepare(
      "INSERT INTO competitions (id, name, starts_on, ends_on, default_language, languages, created_at) VALUES (?, ?, '2026-06-13', '2026-06-14', 'fr', '[\"fr\"]', '2026-06-01T00:00:00Z')",
    ).run(id, `Compétition ${id}`);
  }
}

describe('migrations', () => {
  test('each applies once: a second run applies nothing', () => {
    const db = fresh();
    expect(migrate(db)).toBeGreaterThan(0);
    expect(migrate(db)).toBe(0);
  });

  test('0006 rebuilds the event log without the hash index: entries, chain and append-only triggers kept', () => {
    const db = fresh();
    migrate(db, '0005-results-reading.sql');
    for (let i = 0; i < 50; i++) appendLegacyEvent(db, { competitionId: null, actor: 'system', type: 'test.logged', payload: { i }, at });
    const before = db.prepare('SELECT * FROM events ORDER BY seq').all();
    expect((db.prepare('PRAGMA index_list(events)').all() as { unique: number }[]).some((i) => i.unique === 1)).toBe(true);

    // Up to 0006 only: later migrations (other branches add theirs) are not this test's subject.
    expect(migrate(db, '0006-event-log-without-hash-index.sql')).toBe(1);

    expect(db.prepare('SELECT * FROM events ORDER BY seq').all()).toEqual(before);
    expect(db.prepare('PRAGMA index_list(events)').all()).toEqual([]);
    expect(() => db.prepare("UPDATE events SET actor = 'mallory' WHERE seq = 1").run()).toThrow('events are append-only');
    expect(() => db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow('events are append-only');
    // The chain still verifies, and grows, once every later migration has run.
    migrate(db);
    expect(verifyChain(db)).toEqual({ ok: true, entries: 50 });
    appendEvent(db, { competitionId: null, actor: 'system', type: 'test.logged', payload: { i: 50 }, at });
    expect(verifyChain(db)).toEqual({ ok: true, entries: 51 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('0022 gives each competition its own chain: entries written before verify as they were, later ones chain onto their competition', () => {
    const db = fresh();
    migrate(db, '0022'); // every migration before 0022
    twoCompetitions(db);
    // Before 0022, one instance-wide chain interleaving both competitions and the instance's own.
    for (let i = 0; i < 6; i++) appendLegacyEvent(db, { competitionId: [1, 2, null][i % 3]!, actor: 'system', type: 'test.logged', payload: { i }, at });
    const before = db.prepare('SELECT * FROM events ORDER BY seq').all();

    expect(migrate(db, '0022-event-chain-per-competition.sql')).toBe(1);
    expect(db.prepare('SELECT * FROM events ORDER BY seq').all()).toEqual(before.map((row) => ({ ...(row as object), competition_seq: null })));
    expect(db.prepare('SELECT chain, length FROM chain_heads ORDER BY chain').all()).toEqual([
      { chain: 0, length: 2 },
      { chain: 1, length: 2 },
      { chain: 2, length: 2 },
    ]);
    expect(verifyChain(db)).toEqual({ ok: true, entries: 6 });

    const lastOfOne = (db.prepare('SELECT hash FROM events WHERE competition_id = 1 ORDER BY seq DESC LIMIT 1').pluck().get()) as string;
    appendEvent(db, { competitionId: 1, actor: 'system', type: 'test.logged', payload: { i: 6 }, at });
    appendEvent(db, { competitionId: 2, actor: 'system', type: 'test.logged', payload: { i: 7 }, at });
    appendEvent(db, { competitionId: 1, actor: 'system', type: 'test.logged', payload: { i: 8 }, at });
    const chained = db.prepare('SELECT competition_id, competition_seq, prev_hash FROM events WHERE competition_seq IS NOT NULL ORDER BY seq').all() as {
      competition_id: number;
      competition_seq: number;
      prev_hash: string;
    }[];
    expect(chained.map((e) => [e.competition_id, e.competition_seq])).toEqual([[1, 3], [2, 3], [1, 4]]);
    expect(chained[0]!.prev_hash).toBe(lastOfOne);
    expect(verifyChain(db)).toEqual({ ok: true, entries: 9 });
    expect(verifyChain(db, 1)).toEqual({ ok: true, entries: 4 });
    expect(verifyChain(db, 2)).toEqual({ ok: true, entries: 3 });
    expect(verifyChain(db, null)).toEqual({ ok: true, entries: 2 });
  });
});
