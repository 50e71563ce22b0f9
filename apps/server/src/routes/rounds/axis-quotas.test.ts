import { CompetitionDetailSchema, ErrorEnvelopeSchema, RoundRankingResponseSchema, type SettingsUpdate } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { roundRankingInput } from '../../results/ranking-input.js';
import { dbDigest } from '../../test-utils.js';
import { scoreRound1, smallCompetition, type Fixture } from './competition-fixture.js';

const rules = (shortlist: SettingsUpdate['shortlist']): SettingsUpdate => ({
  name: 'Test Cup', startsOn: '2026-06-13', endsOn: '2026-06-14', venue: '', languages: ['fr', 'en'], defaultLanguage: 'fr',
  method: 'satm', trim: 'auto', awards: { count: 1, axisMax: null }, shortlist,
});

const ORDER = {
  'green-1': [5, 5], 'green-2': [5, 4], 'green-3': [4, 5], 'city-1': [4, 4],
  'green-4': [4, 3], 'city-2': [3, 4], 'social-1': [3, 3], 'social-2': [2, 3],
} as const satisfies Record<string, [number, number]>;

const names = (f: Fixture, ids: (string | number)[]) => {
  const byId = new Map([...f.entrantIds].map(([n, id]) => [id, n]));
  return ids.map((id) => byId.get(Number(id)));
};

describe('quotas per axis (issue 16 point 6)', () => {
  test('an axis with its own minimum and maximum is held to them by the selection, the others to the default', async () => {
    const f = await smallCompetition({ entrantsPerAxis: { green: 4, city: 2, social: 2 }, jurors: 3 });
    // Default: at most 1 per axis; green may have 3, social must have 2.
    const put = await f.call('PUT', `${f.base}/settings`, rules({ size: 6, axisMin: 0, axisMax: 1, perAxis: [{ axis: 'green', min: 0, max: 3 }, { axis: 'social', min: 2, max: 2 }] }));
    expect(put.status).toBe(200);
    expect(CompetitionDetailSchema.parse(await put.json()).rules.shortlist.perAxis).toEqual([
      { axis: 'green', min: 0, max: 3 }, { axis: 'social', min: 2, max: 2 },
    ]);
    const roundId = await scoreRound1(f, { ...ORDER });
    const body = RoundRankingResponseSchema.parse(await (await f.call('GET', `${f.base}/rounds/${roundId}/ranking`)).json());
    expect(names(f, body.result.selection!.selected)).toEqual(['green-1', 'green-2', 'green-3', 'city-1', 'social-1', 'social-2']);
    expect(body.explanations.map((e) => e.message)).toEqual([
      'green-4 was passed over: its axis "green" already had the maximum of 3 selected.',
      'city-2 was passed over: its axis "city" already had the maximum of 1 selected.',
    ]);
  });

  test('without any axis of its own the ranking input keeps one integer per quota, so fingerprints do not change', async () => {
    const f = await smallCompetition({ entrantsPerAxis: { green: 4, city: 2, social: 2 }, jurors: 3 });
    expect((await f.call('PUT', `${f.base}/settings`, rules({ size: 4, axisMin: 1, axisMax: 2 }))).status).toBe(200);
    const roundId = await scoreRound1(f, { ...ORDER });
    expect(roundRankingInput(f.db, roundId).selection).toEqual({ count: 4, axisMin: 1, axisMax: 2 });
    f.db.prepare("INSERT INTO axis_quotas (axis_id, shortlist_min, shortlist_max) SELECT id, 2, NULL FROM axes WHERE code = 'city' AND competition_id = ?").run(f.id);
    expect(roundRankingInput(f.db, roundId).selection).toEqual({
      count: 4, axisMin: { city: 2, green: 1, social: 1 }, axisMax: { green: 2, social: 2 },
    });
  });

  test('a quota naming an unknown axis, twice the same axis, or a minimum above its maximum is refused on its field, nothing stored', async () => {
    const f = await smallCompetition();
    const before = dbDigest(f.db);
    const refused = async (perAxis: unknown) => {
      const res = await f.call('PUT', `${f.base}/settings`, { ...rules({ size: 4, axisMin: 0, axisMax: null }), shortlist: { size: 4, axisMin: 0, axisMax: null, perAxis } });
      expect(res.status).toBe(400);
      return ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => `${d.path}:${d.rule}`);
    };
    expect(await refused([{ axis: 'mars', min: 1, max: 2 }])).toEqual(['shortlist.perAxis.0.axis:unknown']);
    expect(await refused([{ axis: 'green', min: 1, max: 2 }, { axis: 'green', min: 0, max: null }])).toEqual(['shortlist.perAxis:each_once']);
    expect(await refused([{ axis: 'city', min: 3, max: 2 }])).toEqual(['shortlist.perAxis.0.min:min_above_max']);
    expect(dbDigest(f.db)).toBe(before);
  });

  test("opening round 1 is refused when an axis's own minimum exceeds its entrants, or the minimums add up to more than the seats", async () => {
    const f = await smallCompetition({ entrantsPerAxis: { green: 3, city: 3, social: 2 }, jurors: 2 });
    expect((await f.call('PUT', `${f.base}/settings`, rules({ size: 4, axisMin: 1, axisMax: null, perAxis: [{ axis: 'social', min: 3, max: null }] }))).status).toBe(200);
    const round = ((await (await f.call('POST', `${f.base}/rounds`, { kind: 'shortlist' })).json()) as { id: number }).id;
    expect((await f.call('PUT', `${f.base}/rounds/${round}/assignments`, { mode: 'all' })).status).toBe(200);
    const res = await f.call('POST', `${f.base}/rounds/${round}/open`);
    expect(res.status).toBe(409);
    const details = ErrorEnvelopeSchema.parse(await res.json()).error.details;
    expect(details.map((d) => [d.path, d.rule, d.params])).toEqual([
      ['shortlist.perAxis.0.min', 'infeasible', { axis: 'social', count: 2, min: 3 }],
      ['shortlist.axisMin', 'infeasible', { total: 5, seats: 4 }],
    ]);
  });
});
