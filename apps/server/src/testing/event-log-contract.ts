import { afterEach, describe, expect, test } from 'vitest';
import type { Storage } from '../db/storage.js';
import { appendEventIn, verifyChainIn } from '../lib/event-log.js';

/** A migrated database reached through two storages: two server processes on PostgreSQL, the one connection on SQLite. */
export interface EventLogFixture {
  first: Storage;
  second: Storage;
  cleanup: () => Promise<void>;
}

const at = new Date('2026-06-13T09:00:00Z');

async function twoCompetitions(storage: Storage) {
  await storage.write(async (tx) => {
    for (const id of [1, 2]) {
      await tx.run(
        "INSERT INTO competitions (id, name, starts_on, ends_on, default_language, languages, created_at) VALUES (?, ?, '2026-06-13', '2026-06-14', 'fr', '[\"fr\"]', '2026-06-01T00:00:00Z')",
        [id, `Compétition ${id}`],
      );
    }
  });
}

/** Lets a test edit the append-only log the way someone with the database file could. */
async function tamper(storage: Storage, statement: string) {
  await storage.write(async (tx) => {
    if (tx.dialect === 'postgres') {
      await tx.run('ALTER TABLE events DISABLE TRIGGER USER');
      await tx.run(statement);
      await tx.run('ALTER TABLE events ENABLE TRIGGER USER');
    } else {
      await tx.run('DROP TRIGGER IF EXISTS events_no_update');
      await tx.run('DROP TRIGGER IF EXISTS events_no_delete');
      await tx.run(statement);
    }
  });
}

/**
 * What the event log promises on either engine (decision 031): one unbroken chain per
 * competition however many writers append at once, each competition verifiable on its own, and
 * an edited entry or a cut tail found.
 */
export function describeEventLogContract(engine: string, open: () => Promise<EventLogFixture>) {
  describe(`the event log on ${engine}`, () => {
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });
    async function fixture() {
      const opened = await open();
      cleanup = opened.cleanup;
      await twoCompetitions(opened.first);
      return opened;
    }

    test('writers appending at once through both processes keep one unbroken chain per competition', async () => {
      const { first, second } = await fixture();
      const writes = Array.from({ length: 120 }, (_, i) =>
        (i % 2 === 0 ? first : second).write(async (tx) => {
          await appendEventIn(tx, { competitionId: [1, 2, null][i % 3]!, actor: `juror:${i}`, type: 'score.changed', payload: { i }, at });
        }),
      );
      await Promise.all(writes);
      expect(await verifyChainIn(first)).toEqual({ ok: true, entries: 120 });
      expect(await verifyChainIn(second, 1)).toEqual({ ok: true, entries: 40 });
      expect(await verifyChainIn(first, 2)).toEqual({ ok: true, entries: 40 });
      expect(await first.all('SELECT chain, length FROM chain_heads ORDER BY chain')).toEqual([
        { chain: 0, length: 40 },
        { chain: 1, length: 40 },
        { chain: 2, length: 40 },
      ]);
      const places = await first.all<{ competition_seq: number }>('SELECT competition_seq FROM events WHERE competition_id = 1 ORDER BY seq');
      expect(places.map((p) => p.competition_seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    test('an append rolled back with its change leaves the chain and its head as they were', async () => {
      const { first } = await fixture();
      await first.write((tx) => appendEventIn(tx, { competitionId: 1, actor: 'system', type: 'kept', payload: {}, at }));
      await expect(
        first.write(async (tx) => {
          await appendEventIn(tx, { competitionId: 1, actor: 'system', type: 'lost', payload: {}, at });
          throw new Error('the change was refused');
        }),
      ).rejects.toThrow('the change was refused');
      await first.write((tx) => appendEventIn(tx, { competitionId: 1, actor: 'system', type: 'kept', payload: {}, at }));
      expect(await verifyChainIn(first, 1)).toEqual({ ok: true, entries: 2 });
    });

    test("an edited entry breaks its own competition's chain only; the whole log reports it", async () => {
      const { first } = await fixture();
      for (let i = 0; i < 6; i++) await first.write((tx) => appendEventIn(tx, { competitionId: (i % 2) + 1, actor: 'system', type: 'test.logged', payload: { i }, at }));
      const [edited] = await first.all<{ seq: number }>("SELECT seq FROM events WHERE competition_id = 2 ORDER BY seq LIMIT 1 OFFSET 1");
      await tamper(first, `UPDATE events SET payload = '{"i":99}' WHERE seq = ${edited!.seq}`);
      expect(await verifyChainIn(first, 1)).toEqual({ ok: true, entries: 3 });
      expect(await verifyChainIn(first, 2)).toEqual({ ok: false, entries: 2, brokenAt: edited!.seq });
      expect(await verifyChainIn(first)).toMatchObject({ ok: false, brokenAt: edited!.seq });
    });

    test("the last entries cut off a competition's log no longer match its head", async () => {
      const { first } = await fixture();
      for (let i = 0; i < 4; i++) await first.write((tx) => appendEventIn(tx, { competitionId: 1, actor: 'system', type: 'test.logged', payload: { i }, at }));
      const [last] = await first.all<{ seq: number }>('SELECT max(seq) AS seq FROM events');
      await tamper(first, `DELETE FROM events WHERE seq = ${last!.seq}`);
      expect(await verifyChainIn(first, 1)).toEqual({ ok: false, entries: 3, brokenAt: last!.seq - 1 });
    });
  });
}
