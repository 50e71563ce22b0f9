import { EntrantAdminSchema, EntrantListResponseSchema, ErrorEnvelopeSchema, ProgressResponseSchema, RoundRankingResponseSchema, type SettingsUpdate } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { verifyChain } from '../../lib/event-log.js';
import { roundRankingInput } from '../../results/ranking-input.js';
import { dbDigest } from '../../test-utils.js';
import { scoreRound1, smallCompetition, type Fixture } from '../rounds/competition-fixture.js';

const rules: SettingsUpdate = {
  name: 'Test Cup', startsOn: '2026-06-13', endsOn: '2026-06-14', venue: '', languages: ['fr', 'en'], defaultLanguage: 'fr',
  method: 'satm', trim: 'auto', awards: { count: 1, axisMax: null }, shortlist: { size: 4, axisMin: 1, axisMax: 2 },
};

/** packages/ranking/SPEC.md worked example 7: green-1 leads; 4 seats, 1 to 2 per axis. */
async function example7() {
  const f = await smallCompetition({ entrantsPerAxis: { green: 4, city: 2, social: 2 }, jurors: 3 });
  expect((await f.call('PUT', `${f.base}/settings`, rules)).status).toBe(200);
  const roundId = await scoreRound1(f, {
    'green-1': [5, 5], 'green-2': [5, 4], 'green-3': [4, 5], 'city-1': [4, 4],
    'green-4': [4, 3], 'city-2': [3, 4], 'social-1': [3, 3], 'social-2': [2, 3],
  });
  return { f, roundId };
}

const namesOf = (f: Fixture, ids: (string | number)[]) => {
  const byId = new Map([...f.entrantIds].map(([n, id]) => [id, n]));
  return ids.map((id) => byId.get(Number(id)));
};
const withdraw = (f: Fixture, name: string, reason: string) => f.call('POST', `${f.base}/entrants/${f.entrant(name)}/withdraw`, { reason });

describe('withdrawing an entrant', () => {
  test('before round 1 opens an entrant is removed, not withdrawn: withdraw answers 409 and DELETE removes it, logged', async () => {
    const f = await smallCompetition();
    const before = dbDigest(f.db);
    const res = await withdraw(f, 'green-1', 'Entered twice');
    expect(res.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details[0]?.rule).toBe('not_started');
    expect(dbDigest(f.db)).toBe(before);
    expect((await f.call('DELETE', `${f.base}/entrants/${f.entrant('green-1')}`)).status).toBe(204);
    const list = EntrantListResponseSchema.parse(await (await f.call('GET', `${f.base}/entrants`)).json());
    expect(list.entrants.map((e) => e.name)).not.toContain('green-1');
    const logged = f.db.prepare("SELECT payload FROM events WHERE type = 'entrant.removed'").pluck().get() as string;
    expect(JSON.parse(logged)).toMatchObject({ name: 'green-1' });
  });

  test('after round 1 the withdrawn entrant stays listed as withdrawn, leaves the ranking, and the next one takes its seat', async () => {
    const { f, roundId } = await example7();
    const res = await withdraw(f, 'green-1', '  Le projet a été racheté  ');
    expect(res.status).toBe(200);
    const entrant = EntrantAdminSchema.parse(await res.json());
    expect(entrant.withdrawal).toEqual({ at: '2026-06-13T09:00:00.000Z', reason: 'Le projet a été racheté' });

    const ranking = RoundRankingResponseSchema.parse(await (await f.call('GET', `${f.base}/rounds/${roundId}/ranking`)).json());
    expect(namesOf(f, ranking.result.ranking.map((r) => r.entrant))).not.toContain('green-1');
    expect(namesOf(f, ranking.result.selection!.selected)).toEqual(['green-2', 'green-3', 'city-1', 'social-1']);

    // As if it had never entered: no entrant, scorecard or recusal of it reaches the ranking.
    const input = roundRankingInput(f.db, roundId);
    const id = String(f.entrant('green-1'));
    expect(input.entrants.map((e) => e.id)).not.toContain(id);
    expect(input.evaluations.filter((e) => e.entrant === id)).toEqual([]);
    // Its scorecards are kept.
    expect(f.db.prepare('SELECT COUNT(*) FROM scorecards WHERE entrant_id = ?').pluck().get(Number(id))).toBe(3);

    const logged = f.db.prepare("SELECT actor, payload FROM events WHERE type = 'entrant.withdrawn'").get() as { actor: string; payload: string };
    expect(JSON.parse(logged.payload)).toEqual({ entrantId: Number(id), name: 'green-1', reason: 'Le projet a été racheté' });
    expect(logged.actor).toMatch(/^user:\d+$/);
    expect(verifyChain(f.db).ok).toBe(true);
  });

  test('a second withdrawal answers 409 and a reason under 3 characters 400; neither writes anything', async () => {
    const { f } = await example7();
    expect((await withdraw(f, 'city-2', 'Abandon')).status).toBe(200);
    const before = dbDigest(f.db);
    const again = await withdraw(f, 'city-2', 'Again');
    expect(again.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await again.json()).error.details[0]?.rule).toBe('already_withdrawn');
    const short = await withdraw(f, 'city-1', ' x ');
    expect(short.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await short.json()).error.details[0]?.path).toBe('reason');
    expect(dbDigest(f.db)).toBe(before);
  });

  test("an open round's progress no longer expects the withdrawn entrant's scorecards", async () => {
    const f = await smallCompetition();
    const round = (await (await f.call('POST', `${f.base}/rounds`, { kind: 'shortlist' })).json()) as { id: number };
    await f.call('PUT', `${f.base}/rounds/${round.id}/assignments`, { mode: 'all' });
    expect((await f.call('POST', `${f.base}/rounds/${round.id}/open`)).status).toBe(200);
    const progress = async () => ProgressResponseSchema.parse(await (await f.call('GET', `${f.base}/rounds/${round.id}/progress`)).json());
    expect((await progress()).total.assigned).toBe(8 * 3);
    expect((await withdraw(f, 'social-2', 'Ne viendra pas')).status).toBe(200);
    expect((await progress()).total.assigned).toBe(7 * 3);
  });
});
