import { ConfirmShortlistResponseSchema, ErrorEnvelopeSchema, RoundRankingResponseSchema, StartupPageSchema, type SettingsUpdate } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { dbDigest } from '../../test-utils.js';
import { scoreRound1, smallCompetition, type Fixture } from './competition-fixture.js';

const rules = (shortlist: SettingsUpdate['shortlist']): SettingsUpdate => ({
  name: 'Test Cup', startsOn: '2026-06-13', endsOn: '2026-06-14', venue: '', languages: ['fr', 'en'], defaultLanguage: 'fr',
  method: 'satm', trim: 'auto', awards: { count: 1, axisMax: null }, shortlist,
});

/** SPEC example 7: proposed green-1, green-2, city-1, social-1; green-3 and green-4 capped, city-2 kept out for social. */
async function closedRoundOne() {
  const f = await smallCompetition({ entrantsPerAxis: { green: 4, city: 2, social: 2 }, jurors: 3 });
  expect((await f.call('PUT', `${f.base}/settings`, rules({ size: 4, axisMin: 1, axisMax: 2 }))).status).toBe(200);
  const roundId = await scoreRound1(f, {
    'green-1': [5, 5], 'green-2': [5, 4], 'green-3': [4, 5], 'city-1': [4, 4],
    'green-4': [4, 3], 'city-2': [3, 4], 'social-1': [3, 3], 'social-2': [2, 3],
  });
  return { f, roundId, confirm: (body?: unknown) => f.call('POST', `${f.base}/rounds/${roundId}/confirm`, body) };
}

const names = (f: Fixture, ids: number[]) => {
  const byId = new Map([...f.entrantIds].map(([n, id]) => [id, n]));
  return ids.map((id) => byId.get(id));
};
const page = async (f: Fixture, name: string) => {
  const token = f.db.prepare('SELECT access_token FROM entrants WHERE id = ?').pluck().get(f.entrant(name)) as string;
  return StartupPageSchema.parse(await (await f.app.request(`/api/startup/${token}`)).json());
};
const reason = 'City 1 withdrew by letter on 2 June 2026.';

describe('overriding the proposed shortlist (issue 16 point 4)', () => {
  test('a proposed finalist replaced with a reason: the final gets the replacement, the log and the ranking show both lists, the snapshot keeps the proposal', async () => {
    const { f, roundId, confirm } = await closedRoundOne();
    const res = await confirm({ replacements: [{ removedEntrantId: f.entrant('city-1'), addedEntrantId: f.entrant('city-2'), grounds: 'withdrawal', reason }] });
    expect(res.status).toBe(200);
    const body = ConfirmShortlistResponseSchema.parse(await res.json());
    expect(names(f, body.selected)).toEqual(['green-1', 'green-2', 'city-2', 'social-1']);
    expect(names(f, body.proposed!)).toEqual(['green-1', 'green-2', 'city-1', 'social-1']);
    const finalists = f.db.prepare('SELECT entrant_id FROM round_entrants WHERE round_id = ?').pluck().all(body.finalRoundId) as number[];
    expect(names(f, finalists).sort()).toEqual(['city-2', 'green-1', 'green-2', 'social-1']);

    const logged = JSON.parse(f.db.prepare("SELECT payload FROM events WHERE type = 'shortlist.confirmed'").pluck().get() as string);
    expect(logged.replacements).toEqual([{ removedEntrantId: f.entrant('city-1'), addedEntrantId: f.entrant('city-2'), grounds: 'withdrawal', reason }]);
    const snapshot = JSON.parse(f.db.prepare('SELECT result FROM result_snapshots WHERE round_id = ?').pluck().get(roundId) as string);
    expect(names(f, snapshot.selection.selected.map(Number))).toEqual(['green-1', 'green-2', 'city-1', 'social-1']);

    const ranking = RoundRankingResponseSchema.parse(await (await f.call('GET', `${f.base}/rounds/${roundId}/ranking`)).json());
    expect(names(f, ranking.result.selection!.selected.map(Number))).toEqual(['green-1', 'green-2', 'city-1', 'social-1']);
    expect(names(f, ranking.confirmed!).sort()).toEqual(['city-2', 'green-1', 'green-2', 'social-1']);
    expect(ranking.overrides).toEqual([expect.objectContaining({ removedEntrantId: f.entrant('city-1'), addedEntrantId: f.entrant('city-2'), grounds: 'withdrawal', reason, decidedBy: expect.stringMatching(/^user:/) })]);
  });

  test("both startups' pages state the replacement once the shortlist is published, and not before", async () => {
    const { f, roundId, confirm } = await closedRoundOne();
    await confirm({ replacements: [{ removedEntrantId: f.entrant('city-1'), addedEntrantId: f.entrant('city-2'), grounds: 'withdrawal', reason }] });
    expect((await page(f, 'city-1')).override ?? null).toBeNull();
    expect((await f.call('POST', `${f.base}/rounds/${roundId}/publish`)).status).toBe(200);
    expect(await page(f, 'city-1')).toMatchObject({ status: 'not-shortlisted', override: { side: 'removed', grounds: 'withdrawal', reason } });
    expect(await page(f, 'city-2')).toMatchObject({ status: 'shortlisted', override: { side: 'added', grounds: 'withdrawal', reason } });
    expect((await page(f, 'green-1')).override).toBeNull();
  });

  test('a replacement that breaks the per-axis quotas is refused naming the rule on each field, and nothing is written', async () => {
    const { f, confirm } = await closedRoundOne();
    const before = dbDigest(f.db);
    const res = await confirm({ replacements: [{ removedEntrantId: f.entrant('city-1'), addedEntrantId: f.entrant('green-3'), grounds: 'eligibility', reason: 'City 1 is registered outside the region.' }] });
    expect(res.status).toBe(400);
    const details = ErrorEnvelopeSchema.parse(await res.json()).error.details;
    expect(details.map((d) => [d.path, d.rule, d.params])).toEqual([
      ['replacements.0.addedEntrantId', 'axis_max', { axis: 'green', max: 2, count: 3 }],
      ['replacements.0.removedEntrantId', 'axis_min', { axis: 'city', min: 1, count: 0 }],
    ]);
    expect(dbDigest(f.db)).toBe(before);
  });

  test('replacing a startup that was not proposed, bringing in one already selected or unknown, twice the same, or without a reason is refused', async () => {
    const { f, confirm } = await closedRoundOne();
    const before = dbDigest(f.db);
    const rulesOf = async (replacements: unknown) => {
      const res = await confirm({ replacements });
      expect(res.status).toBe(400);
      return ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => `${d.path}:${d.rule}`);
    };
    const r = (out: string | number, into: string | number, extra: object = {}) => ({
      removedEntrantId: typeof out === 'number' ? out : f.entrant(out), addedEntrantId: typeof into === 'number' ? into : f.entrant(into), grounds: 'quota', reason: 'A written reason', ...extra,
    });
    expect(await rulesOf([r('city-2', 'social-2')])).toEqual(['replacements.0.removedEntrantId:not_proposed']);
    expect(await rulesOf([r('city-1', 'green-1')])).toEqual(['replacements.0.addedEntrantId:already_selected']);
    expect(await rulesOf([r('city-1', 99999)])).toEqual(['replacements.0.addedEntrantId:unknown']);
    expect(await rulesOf([r('city-1', 'city-2'), r('city-1', 'social-2')])).toEqual(['replacements.1.removedEntrantId:each_once']);
    expect(await rulesOf([r('city-1', 'city-2', { reason: ' ' })])).toEqual(['replacements.0.reason:too_small']);
    expect(dbDigest(f.db)).toBe(before);
  });
});
