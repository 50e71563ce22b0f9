import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { appendEvent, verifyChain } from '../lib/event-log.js';
import { migrate } from './migrate.js';

const fresh = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const at = new Date('2026-06-13T09:00:00Z');

describe('migrations', () => {
  test('each applies once: a second run applies nothing', () => {
    const db = fresh();
    expect(migrate(db)).toBeGreaterThan(0);
    expect(migrate(db)).toBe(0);
  });

  test('0006 rebuilds the event log without the hash index: entries, chain and append-only triggers kept', () => {
    const db = fresh();
    migrate(db, '0005-results-reading.sql');
    for (let i = 0; i < 50; i++) appendEvent(db, { competitionId: null, actor: 'system', type: 'test.logged', payload: { i }, at });
    const before = db.prepare('SELECT * FROM events ORDER BY seq').all();
    expect((db.prepare('PRAGMA index_list(events)').all() as { unique: number }[]).some((i) => i.unique === 1)).toBe(true);

    // Up to 0006 only: later migrations (other branches add theirs) are not this test's subject.
    expect(migrate(db, '0006-event-log-without-hash-index.sql')).toBe(1);

    expect(db.prepare('SELECT * FROM events ORDER BY seq').all()).toEqual(before);
    expect(db.prepare('PRAGMA index_list(events)').all()).toEqual([]);
    expect(verifyChain(db)).toEqual({ ok: true, entries: 50 });
    expect(() => db.prepare("UPDATE events SET actor = 'mallory' WHERE seq = 1").run()).toThrow('events are append-only');
    expect(() => db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow('events are append-only');
    appendEvent(db, { competitionId: null, actor: 'system', type: 'test.logged', payload: { i: 50 }, at });
    expect(verifyChain(db)).toEqual({ ok: true, entries: 51 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
