import { ConfirmShortlistResponseSchema, ErrorEnvelopeSchema, LiveBoardSchema, NowPitchingSchema, PitchOrderResponseSchema } from '@palmares/contract';
import { describe, expect, test, vi } from 'vitest';
import type { LiveEvent } from '../../lib/live-hub.js';
import { seededShuffle } from '../../lib/seeded-shuffle.js';
import { dbDigest } from '../../test-utils.js';
import { SCORECARD_CHANGED } from '../juror/juror.live.js';
import { scoreRound1, smallCompetition, type Fixture } from '../rounds/competition-fixture.js';

/** Round 1 scored and confirmed (4 of 8 shortlisted): the final waits in draft. */
async function finalInDraft(conflicts: [number, string][] = []) {
  const f = await smallCompetition({ entrantsPerAxis: { green: 4, city: 2, social: 2 }, jurors: 3, conflicts });
  await f.call('PUT', `${f.base}/settings`, {
    name: 'Test Cup', startsOn: '2026-06-13', endsOn: '2026-06-14', languages: ['fr', 'en'], defaultLanguage: 'fr',
    method: 'satm', trim: 'auto', awards: { count: 1, axisMax: null }, shortlist: { size: 4, axisMin: 0, axisMax: null },
  });
  const round1 = await scoreRound1(f, { 'green-1': [5, 5], 'green-2': [5, 4], 'city-1': [4, 5], 'social-1': [4, 4] });
  const confirmed = ConfirmShortlistResponseSchema.parse(await (await f.call('POST', `${f.base}/rounds/${round1}/confirm`)).json());
  return { f, finalId: confirmed.finalRoundId, finalists: confirmed.selected };
}

async function openFinal(f: Fixture, finalId: number) {
  expect((await f.call('PUT', `${f.base}/live/pitch-order`, { draw: true })).status).toBe(200);
  expect((await f.call('POST', `${f.base}/rounds/${finalId}/open`)).status).toBe(200);
  return f.db.prepare('SELECT entrant_id FROM round_entrants WHERE round_id = ? ORDER BY pitch_position').pluck().all(finalId) as number[];
}

const move = async (f: Fixture, body: unknown) => f.call('POST', `${f.base}/live/now-pitching`, body);

describe('the live final', () => {
  test('the pitch order is drawn from a recorded seed that replays the same order', async () => {
    const { f, finalId, finalists } = await finalInDraft();
    const res = await f.call('PUT', `${f.base}/live/pitch-order`, { draw: true });
    expect(res.status).toBe(200);
    const drawn = PitchOrderResponseSchema.parse(await res.json());
    expect(drawn.seed).toMatch(/^[\w-]{40,}$/);
    expect(drawn.entrantIds).toEqual(seededShuffle([...finalists].sort((a, b) => a - b), drawn.seed!));
    expect(f.db.prepare('SELECT pitch_seed FROM rounds WHERE id = ?').pluck().get(finalId)).toBe(drawn.seed);
    const positions = f.db.prepare('SELECT entrant_id FROM round_entrants WHERE round_id = ? ORDER BY pitch_position').pluck().all(finalId);
    expect(positions).toEqual(drawn.entrantIds);
    const logged = f.db.prepare("SELECT payload FROM events WHERE type = 'pitch-order.drawn'").pluck().get() as string;
    expect(JSON.parse(logged)).toMatchObject({ seed: drawn.seed, entrantIds: drawn.entrantIds });
  });

  test('an order set by hand must list every finalist once (400 naming what is wrong)', async () => {
    const { f, finalists } = await finalInDraft();
    const before = dbDigest(f.db);
    const res = await f.call('PUT', `${f.base}/live/pitch-order`, { entrantIds: [finalists[0], 9999] });
    expect(res.status).toBe(400);
    const rules = ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => `${d.path}:${d.rule}`);
    expect(rules).toEqual(['entrantIds.1:unknown', 'entrantIds:missing', 'entrantIds:missing', 'entrantIds:missing']);
    expect(dbDigest(f.db)).toBe(before);
    const order = [...finalists].reverse();
    const ok = PitchOrderResponseSchema.parse(await (await f.call('PUT', `${f.base}/live/pitch-order`, { entrantIds: order })).json());
    expect(ok).toMatchObject({ seed: null, entrantIds: order });
  });

  test('the cursor moves next, pauses, resumes after the last on stage, goes back, and stops at the ends', async () => {
    const { f, finalId } = await finalInDraft();
    expect((await move(f, { action: 'next' })).status).toBe(409); // the final is still a draft
    const order = await openFinal(f, finalId);
    const at = async (body: unknown) => NowPitchingSchema.parse(await (await move(f, body)).json()).entrantId;
    expect((await move(f, { action: 'previous' })).status).toBe(409);
    expect(await at({ action: 'next' })).toBe(order[0]);
    expect(await at({ action: 'next' })).toBe(order[1]);
    expect(await at({ action: 'clear' })).toBeNull();
    expect(await at({ action: 'next' })).toBe(order[2]);
    expect(await at({ action: 'previous' })).toBe(order[1]);
    expect(await at({ entrantId: order[3] })).toBe(order[3]);
    const end = await move(f, { action: 'next' });
    expect(end.status).toBe(409);
    expect(f.db.prepare('SELECT now_pitching_entrant_id, now_pitching_since FROM rounds WHERE id = ?').get(finalId)).toEqual({
      now_pitching_entrant_id: order[3], now_pitching_since: '2026-06-13T09:00:00.000Z',
    });
    expect((await move(f, { entrantId: 9999 })).status).toBe(400);
  });

  test('moving the cursor publishes exactly { type: now-pitching, data: { roundId, entrantId } } to hub subscribers', async () => {
    const { f, finalId } = await finalInDraft();
    const order = await openFinal(f, finalId);
    const heard: LiveEvent[] = [];
    const stop = f.live.subscribe(f.id, (e) => heard.push(e));
    await move(f, { action: 'next' });
    await move(f, { action: 'clear' });
    stop();
    expect(heard).toEqual([
      { type: 'now-pitching', data: { roundId: finalId, entrantId: order[0] } },
      { type: 'now-pitching', data: { roundId: finalId, entrantId: null } },
    ]);
  });

  test('the organiser stream sends the current cursor first, then relays now-pitching and progress events, never a juror\'s scorecard changes', async () => {
    const { f, finalId } = await finalInDraft();
    const order = await openFinal(f, finalId);
    const res = await f.call('GET', `${f.base}/live`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const nextEvent = async () => decoder.decode((await reader.read()).value);
    expect(await nextEvent()).toBe(`event: now-pitching\ndata: {"roundId":${finalId},"entrantId":null}\n\n`);
    expect(f.live.subscriberCount(f.id)).toBe(1);
    await move(f, { action: 'next' });
    expect(await nextEvent()).toBe(`event: now-pitching\ndata: {"roundId":${finalId},"entrantId":${order[0]}}\n\n`);
    // A juror's own scorecard changes are for their tablets only: the board follows `progress`.
    f.live.publish(f.id, { type: SCORECARD_CHANGED, data: { jurorId: 1, roundId: finalId, entrantId: order[0], bindingId: 1 } });
    f.live.publish(f.id, { type: 'progress', data: { roundId: finalId, jurorId: 1, entrantId: order[0], status: 'submitted' } });
    const relayed = await nextEvent();
    expect(relayed).toMatch(/^event: progress\n/);
    expect(relayed).not.toContain('scorecard');
    await reader.cancel();
    // The server notices the closed stream on its next write or abort: wait for it, do not guess.
    await vi.waitFor(() => expect(f.live.subscriberCount(f.id)).toBe(0));
  });

  test('the board shows each juror × finalist as not-started, draft, submitted or recused, with each juror\'s last contact', async () => {
    const { f, finalId, finalists } = await finalInDraft();
    await openFinal(f, finalId);
    const [a, b, c] = finalists as [number, number, number];
    f.submit(finalId, f.juror(0), a, 4);
    f.db.prepare("INSERT INTO scorecards (round_id, juror_id, entrant_id, status, updated_at) VALUES (?, ?, ?, 'draft', 'x')").run(finalId, f.juror(1), a);
    f.db.prepare("INSERT INTO recusals (competition_id, juror_id, entrant_id, reason, declared_at) VALUES (?, ?, ?, 'friend', 'x')").run(f.id, f.juror(2), b);
    const bind = f.db.prepare("INSERT INTO device_bindings (juror_id, token_hash, created_at, last_seen_at) VALUES (?, ?, 'x', ?)");
    bind.run(f.juror(0), 'h1', '2026-06-13T09:01:00.000Z');
    bind.run(f.juror(0), 'h2', '2026-06-13T09:05:00.000Z');
    const board = LiveBoardSchema.parse(await (await f.call('GET', `${f.base}/live/board`)).json());
    expect(board.roundId).toBe(finalId);
    const cell = (j: number, e: number) => board.cells.find((x) => x.jurorId === f.juror(j) && x.entrantId === e)?.status;
    expect([cell(0, a), cell(1, a), cell(2, b), cell(2, c)]).toEqual(['submitted', 'draft', 'recused', 'not-started']);
    expect(board.jurors.map((j) => j.lastSeenAt)).toEqual(['2026-06-13T09:05:00.000Z', null, null]);
    expect(board.jurors.map((j) => [j.assigned, j.submitted])).toEqual([[4, 1], [4, 0], [3, 0]]);
    expect(board.entrants.map((e) => e.pitchPosition)).toEqual([1, 2, 3, 4]);
  });

  test('the final closes when every scorecard is in, or is forced closed with a reason', async () => {
    const { f, finalId, finalists } = await finalInDraft();
    await openFinal(f, finalId);
    for (const e of finalists.slice(0, 3)) for (const j of f.jurorIds) f.submit(finalId, j, e, 3);
    expect((await f.call('POST', `${f.base}/rounds/${finalId}/close`, {})).status).toBe(400);
    for (const j of f.jurorIds) f.submit(finalId, j, finalists[3]!, 3);
    const closed = await f.call('POST', `${f.base}/rounds/${finalId}/close`, {});
    expect(closed.status).toBe(200);
    expect((await move(f, { action: 'next' })).status).toBe(409);
  });

  test('another organiser gets 404 on the live controls, the board and the stream', async () => {
    const { f } = await finalInDraft();
    const other = await f.otherCookie();
    const before = dbDigest(f.db);
    expect((await f.call('PUT', `${f.base}/live/pitch-order`, { draw: true }, other)).status).toBe(404);
    expect((await f.call('POST', `${f.base}/live/now-pitching`, { action: 'next' }, other)).status).toBe(404);
    expect((await f.call('GET', `${f.base}/live/board`, undefined, other)).status).toBe(404);
    expect((await f.call('GET', `${f.base}/live`, undefined, other)).status).toBe(404);
    expect(f.live.subscriberCount(f.id)).toBe(0);
    expect(dbDigest(f.db)).toBe(before);
  });
});
