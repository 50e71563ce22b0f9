import { afterEach, describe, expect, test, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../testing/postgres.js';
import type { LiveEvent } from './live-hub.js';
import { SharedLiveHub } from './shared-live-hub.js';

let db: TestDatabase | undefined;
const hubs: SharedLiveHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
  await db?.drop();
  db = undefined;
});

/** Two server processes' hubs: each with its own connection pool on the same database. */
async function twoProcesses() {
  db = await freshDatabase();
  const a = await SharedLiveHub.connect(db.connect());
  const b = await SharedLiveHub.connect(db.connect());
  hubs.push(a, b);
  return { a, b };
}

const nowPitching = (entrantId: number): LiveEvent => ({ type: 'now-pitching', data: { roundId: 2, entrantId } });

describe('live events shared between processes through PostgreSQL', () => {
  test('events published on one process reach the browsers of another in order, for that competition only', async () => {
    const { a, b } = await twoProcesses();
    const onB: LiveEvent[] = [];
    const otherCompetition: LiveEvent[] = [];
    b.subscribe(1, (e) => onB.push(e));
    b.subscribe(2, (e) => otherCompetition.push(e));
    // In the order published: the last "now pitching" is the one a tablet must end on.
    const sent = Array.from({ length: 20 }, (_, i) => nowPitching(i + 1));
    for (const event of sent) a.publish(1, event);
    await vi.waitFor(() => expect(onB).toHaveLength(sent.length));
    expect(onB).toEqual(sent);
    expect(otherCompetition).toEqual([]);
  });

  test('the publishing process delivers to its own browsers at once, and only once', async () => {
    const { a, b } = await twoProcesses();
    const onA: LiveEvent[] = [];
    const onB: LiveEvent[] = [];
    a.subscribe(1, (e) => onA.push(e));
    b.subscribe(1, (e) => onB.push(e));
    a.publish(1, nowPitching(3));
    // Synchronously, before any round trip to the database.
    expect(onA).toEqual([nowPitching(3)]);
    await vi.waitFor(() => expect(onB).toHaveLength(1));
    // Give a stray echo of its own notification every chance to arrive: one more event through B.
    b.publish(1, nowPitching(4));
    await vi.waitFor(() => expect(onA).toHaveLength(2));
    expect(onA).toEqual([nowPitching(3), nowPitching(4)]);
  });

  test('an event too large for a notification is refused loudly, not dropped in silence', async () => {
    const { a } = await twoProcesses();
    expect(() => a.publish(1, { type: 'huge', data: 'x'.repeat(10_000) })).toThrow(/too large/);
  });
});
