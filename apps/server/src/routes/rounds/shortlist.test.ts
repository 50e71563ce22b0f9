import { ConfirmShortlistResponseSchema, ErrorEnvelopeSchema, RoundDetailSchema, RoundRankingResponseSchema, type SettingsUpdate } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { verifyChain } from '../../lib/event-log.js';
import { dbDigest } from '../../test-utils.js';
import { scoreRound1, smallCompetition, type Fixture } from './competition-fixture.js';

const rules = (shortlist: SettingsUpdate['shortlist']): SettingsUpdate => ({
  name: 'Test Cup', startsOn: '2026-06-13', endsOn: '2026-06-14', venue: '', languages: ['fr', 'en'], defaultLanguage: 'fr',
  method: 'satm', trim: 'auto', awards: { count: 1, axisMax: null }, shortlist,
});

/** packages/ranking/SPEC.md worked example 7: X1 > X2 > X3 > Y1 > X4 > Y2 > Z1 > Z2, 4 seats, 1 to 2 per axis. */
async function example7() {
  const f = await smallCompetition({ entrantsPerAxis: { green: 4, city: 2, social: 2 }, jurors: 3 });
  expect((await f.call('PUT', `${f.base}/settings`, rules({ size: 4, axisMin: 1, axisMax: 2 }))).status).toBe(200);
  const roundId = await scoreRound1(f, {
    'green-1': [5, 5], 'green-2': [5, 4], 'green-3': [4, 5], 'city-1': [4, 4],
    'green-4': [4, 3], 'city-2': [3, 4], 'social-1': [3, 3], 'social-2': [2, 3],
  });
  return { f, roundId };
}

const names = (f: Fixture, ids: (string | number)[]) => {
  const byId = new Map([...f.entrantIds].map(([n, id]) => [id, n]));
  return ids.map((id) => byId.get(Number(id)));
};

describe('the shortlist', () => {
  test('the ranking proposes the shortlist under the axis quotas and explains every skip', async () => {
    const { f, roundId } = await example7();
    const res = await f.call('GET', `${f.base}/rounds/${roundId}/ranking`);
    expect(res.status).toBe(200);
    const body = RoundRankingResponseSchema.parse(await res.json());
    const selection = body.result.selection!;
    expect(names(f, selection.selected)).toEqual(['green-1', 'green-2', 'city-1', 'social-1']);
    expect(selection.skipped.map((s) => [names(f, [s.entrant])[0], s.reason])).toEqual([
      ['green-3', 'axis-max'], ['green-4', 'axis-max'], ['city-2', 'reserved-for-axis-min'],
    ]);
    expect(selection.needsChairDecision).toBeNull();
    expect(body.explanations.map((e) => e.message)).toEqual([
      'green-3 was passed over: its axis "green" already had the maximum of 2 selected.',
      'green-4 was passed over: its axis "green" already had the maximum of 2 selected.',
      'city-2 was passed over: the seats left were reserved for axes still below their minimum of 1.',
    ]);
  });

  test('confirming creates the final in draft with the finalists, every juror assigned minus conflicts, and a snapshot', async () => {
    const { f, roundId } = await example7();
    f.db.prepare("INSERT INTO recusals (competition_id, juror_id, entrant_id, reason, declared_at) VALUES (?, ?, ?, 'cousin', 'x')")
      .run(f.id, f.juror(2), f.entrant('social-1'));
    const res = await f.call('POST', `${f.base}/rounds/${roundId}/confirm`);
    expect(res.status).toBe(200);
    const confirmed = ConfirmShortlistResponseSchema.parse(await res.json());
    expect(names(f, confirmed.selected)).toEqual(['green-1', 'green-2', 'city-1', 'social-1']);
    const final = RoundDetailSchema.parse(await (await f.call('GET', `${f.base}/rounds/${confirmed.finalRoundId}`)).json());
    expect(final).toMatchObject({ kind: 'final', state: 'draft', assignmentCount: 4 * 3 - 1 });
    expect(final.entrants.map((e) => e.id).sort()).toEqual([...confirmed.selected].sort());
    const snapshot = f.db.prepare('SELECT fingerprint, round_id FROM result_snapshots').get();
    expect(snapshot).toEqual({ fingerprint: confirmed.fingerprint, round_id: roundId });
    expect((await f.call('POST', `${f.base}/rounds/${roundId}/confirm`)).status).toBe(409);
  });

  test('publishing the confirmed shortlist stamps it once; a second publish answers 409', async () => {
    const { f, roundId } = await example7();
    expect((await f.call('POST', `${f.base}/rounds/${roundId}/publish`)).status).toBe(409);
    await f.call('POST', `${f.base}/rounds/${roundId}/confirm`);
    const res = await f.call('POST', `${f.base}/rounds/${roundId}/publish`);
    expect(res.status).toBe(200);
    expect(RoundDetailSchema.parse(await res.json()).publishedAt).toBe('2026-06-13T09:00:00.000Z');
    expect((await f.call('POST', `${f.base}/rounds/${roundId}/publish`)).status).toBe(409);
    expect(f.db.prepare("SELECT COUNT(*) FROM events WHERE type = 'shortlist.published'").pluck().get()).toBe(1);
  });

  test('every organiser action of round 1 is in the event log, in order, and the hash chain verifies', async () => {
    const { f, roundId } = await example7();
    await f.call('POST', `${f.base}/rounds/${roundId}/confirm`);
    await f.call('POST', `${f.base}/rounds/${roundId}/publish`);
    // The fixture's jurors submit their scorecards with their log entries, between opening and closing.
    const types = f.db.prepare("SELECT type FROM events WHERE competition_id = ? AND actor LIKE 'user:%' ORDER BY seq").pluck().all(f.id);
    expect(types).toEqual([
      'competition.created', 'rubric.updated', 'entrants.imported', 'settings.updated', 'round.created',
      'assignments.replaced', 'round.opened', 'round.closed', 'shortlist.confirmed', 'shortlist.published',
    ]);
    expect(verifyChain(f.db)).toMatchObject({ ok: true });
  });

  test('an open tie says how many seats it is for, not every seat still free (one is kept for an axis minimum)', async () => {
    const f = await smallCompetition({ entrantsPerAxis: { green: 2, city: 2, social: 1 }, jurors: 3 });
    await f.call('PUT', `${f.base}/settings`, rules({ size: 4, axisMin: 1, axisMax: 2 }));
    const roundId = await scoreRound1(f, { 'green-1': [5, 5], 'green-2': [5, 4], 'city-1': [4, 4], 'city-2': [4, 4], 'social-1': [2, 2] });
    const proposal = RoundRankingResponseSchema.parse(await (await f.call('GET', `${f.base}/rounds/${roundId}/ranking`)).json());
    expect(proposal.result.selection?.needsChairDecision).toEqual({ entrants: [String(f.entrant('city-1')), String(f.entrant('city-2'))], seats: 2 });
    expect(proposal.openSeats).toBe(1);
  });

  test('a tie the rules leave open blocks confirmation until the chair orders it with a reason', async () => {
    const f = await smallCompetition({ entrantsPerAxis: { green: 3 }, jurors: 3 });
    await f.call('PUT', `${f.base}/settings`, rules({ size: 1, axisMin: 0, axisMax: null }));
    const roundId = await scoreRound1(f, { 'green-1': [4, 4], 'green-2': [4, 4], 'green-3': [2, 2] });
    const r = `${f.base}/rounds/${roundId}`;
    const proposal = RoundRankingResponseSchema.parse(await (await f.call('GET', `${r}/ranking`)).json());
    expect(proposal.result.selection?.needsChairDecision).toEqual({ entrants: [String(f.entrant('green-1')), String(f.entrant('green-2'))], seats: 1 });
    expect(proposal.explanations.at(-1)?.reason).toBe('needs-chair-decision');
    expect(proposal.openSeats).toBe(1);

    const blocked = await f.call('POST', `${r}/confirm`);
    expect(blocked.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await blocked.json()).error.details[0]?.rule).toBe('needs_chair_decision');

    const before = dbDigest(f.db);
    const order = [f.entrant('green-2'), f.entrant('green-1')];
    const noReason = await f.call('POST', `${r}/chair-decision`, { entrantIds: order });
    expect(noReason.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await noReason.json()).error.details[0]?.path).toBe('reason');
    expect(dbDigest(f.db)).toBe(before);

    const decided = await f.call('POST', `${r}/chair-decision`, { entrantIds: order, reason: 'Stronger answer on the business model' });
    expect(decided.status).toBe(200);
    const after = RoundRankingResponseSchema.parse(await decided.json());
    expect(after.result.selection).toMatchObject({ selected: [String(f.entrant('green-2'))], needsChairDecision: null });
    expect(after.chairDecision).toMatchObject({ entrantIds: order, reason: 'Stronger answer on the business model' });
    const confirmed = ConfirmShortlistResponseSchema.parse(await (await f.call('POST', `${r}/confirm`)).json());
    expect(confirmed.selected).toEqual([f.entrant('green-2')]);
  });
});
