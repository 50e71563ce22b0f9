import {
  ClosingAnnouncementSchema,
  ErrorEnvelopeSchema,
  JurorStateSchema,
  LiveBoardSchema,
  RoundDetailSchema,
  type Change,
} from '@palmares/contract';
import { describe, expect, test, vi } from 'vitest';
import type { LiveEvent } from '../../lib/live-hub.js';
import { dbDigest, insertOrganiser, login } from '../../test-utils.js';
import { bindTablet, jurorFixture, tablet } from '../juror/juror.fixture.js';

/** The juror fixture's open final, its organiser signed in, juror A's tablet bound. */
async function finalOpen() {
  const f = await jurorFixture();
  const cookie = await f.organiserCookie();
  const base = `/api/competitions/${f.competitionId}`;
  const call = (method: string, path: string, body?: unknown, who = cookie) =>
    f.app.request(`${base}${path}`, {
      method,
      headers: { cookie: who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const announce = (body: unknown, who = cookie, roundId = f.rounds.final) => call('POST', `/rounds/${roundId}/closing`, body, who);
  const a = tablet(f.app, (await bindTablet(f.app, 'invite-a')).cookie);
  const state = async () => JurorStateSchema.parse(await (await a.get('/api/juror/state')).json());
  return { ...f, cookie, call, announce, a, state };
}

const envelope = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;

/** Reads server-sent events off a stream, one `event:` block at a time. */
function events(res: Response) {
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    async next(): Promise<{ event: string; data: unknown }> {
      while (!buffered.includes('\n\n')) buffered += decoder.decode((await reader.read()).value);
      const end = buffered.indexOf('\n\n');
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
      return { event: field('event'), data: JSON.parse(field('data') || 'null') };
    },
    cancel: () => reader.cancel(),
  };
}

describe('POST /api/competitions/:id/rounds/:roundId/closing', () => {
  test('the organiser announces the close in N minutes: stored, logged, in the round, in every tablet\'s state; announced again, the new time counts', async () => {
    const { announce, call, state, db, rounds, clock } = await finalOpen();
    const res = await announce({ minutes: 5 });
    expect(res.status).toBe(200);
    expect(ClosingAnnouncementSchema.parse(await res.json())).toEqual({
      roundId: rounds.final, closesAt: '2026-06-13T09:05:00.000Z', announcedAt: '2026-06-13T09:00:00.000Z',
    });
    expect(db.prepare('SELECT closing_at, closing_announced_at FROM rounds WHERE id = ?').get(rounds.final)).toEqual({
      closing_at: '2026-06-13T09:05:00.000Z', closing_announced_at: '2026-06-13T09:00:00.000Z',
    });
    const logged = db.prepare("SELECT payload FROM events WHERE type = 'round.closing-announced'").pluck().all() as string[];
    expect(logged.map((p) => JSON.parse(p))).toEqual([{ roundId: rounds.final, minutes: 5, closesAt: '2026-06-13T09:05:00.000Z' }]);
    expect(RoundDetailSchema.parse(await (await call('GET', `/rounds/${rounds.final}`)).json()).closesAt).toBe('2026-06-13T09:05:00.000Z');
    expect((await state()).round?.closesAt).toBe('2026-06-13T09:05:00.000Z');

    clock.advance(60_000);
    expect((await announce({ minutes: 2 })).status).toBe(200);
    expect((await state()).round?.closesAt).toBe('2026-06-13T09:03:00.000Z');
  });

  test('the announcement reaches a juror\'s tablet on its live stream, and so does the close', async () => {
    const { announce, call, a, live, competitionId, rounds, db } = await finalOpen();
    const stream = events(await a.get('/api/juror/live'));
    expect((await stream.next()).event).toBe('now-pitching');
    await vi.waitFor(() => expect(live.subscriberCount(competitionId)).toBe(1));
    await announce({ minutes: 3 });
    expect(await stream.next()).toEqual({
      event: 'round-closing',
      data: { roundId: rounds.final, closesAt: '2026-06-13T09:03:00.000Z', announcedAt: '2026-06-13T09:00:00.000Z' },
    });
    // Every assigned scorecard submitted, the organiser closes; the tablet hears it at once.
    const card = db.prepare("INSERT INTO scorecards (round_id, juror_id, entrant_id, status, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', 'x', 'x')");
    for (const [j, e] of db.prepare('SELECT juror_id, entrant_id FROM assignments WHERE round_id = ?').raw().all(rounds.final) as [number, number][]) card.run(rounds.final, j, e);
    expect((await call('POST', `/rounds/${rounds.final}/close`, {})).status).toBe(200);
    expect(await stream.next()).toEqual({ event: 'round-closed', data: { roundId: rounds.final } });
    await stream.cancel();
  });

  test('the organiser\'s own stream hears the announcement too, exactly as published to the hub', async () => {
    const { announce, live, competitionId, rounds } = await finalOpen();
    const heard: LiveEvent[] = [];
    const stop = live.subscribe(competitionId, (e) => heard.push(e));
    await announce({ minutes: 1 });
    stop();
    expect(heard).toEqual([{ type: 'round-closing', data: { roundId: rounds.final, closesAt: '2026-06-13T09:01:00.000Z', announcedAt: '2026-06-13T09:00:00.000Z' } }]);
  });

  test.each([
    [{ minutes: 0 }, 'too_small'],
    [{ minutes: 61 }, 'too_big'],
    [{ minutes: 2.5 }, 'invalid_type'],
    [{ minutes: '5' }, 'invalid_type'],
    [{}, 'invalid_type'],
  ])('refuses %j with 400 naming minutes (%s), and writes and pushes nothing', async (body, rule) => {
    const { announce, db, live, competitionId } = await finalOpen();
    const heard: LiveEvent[] = [];
    live.subscribe(competitionId, (e) => heard.push(e));
    const before = dbDigest(db);
    const res = await announce(body);
    expect(res.status).toBe(400);
    expect((await envelope(res)).details).toEqual([expect.objectContaining({ path: 'minutes', rule })]);
    expect(dbDigest(db)).toBe(before);
    expect(heard).toEqual([]);
  });

  test('a round that is not open cannot be announced as closing (409 naming its state)', async () => {
    const { announce, rounds, db } = await finalOpen();
    const before = dbDigest(db);
    const res = await announce({ minutes: 5 }, undefined, rounds.shortlist);
    expect(res.status).toBe(409);
    expect((await envelope(res)).details).toEqual([expect.objectContaining({ path: 'state', rule: 'transition', params: { state: 'closed' } })]);
    expect(dbDigest(db)).toBe(before);
  });

  test('nobody but the competition\'s organiser may announce: another organiser gets 404, a juror\'s tablet and a stranger 401', async () => {
    const { announce, db, app, a, competitionId, rounds } = await finalOpen();
    const other = await insertOrganiser(db, 'other@example.com');
    const otherCookie = await login(app, other.email, other.password);
    const before = dbDigest(db);
    expect((await announce({ minutes: 5 }, otherCookie)).status).toBe(404);
    expect((await announce({ minutes: 5 }, '')).status).toBe(401);
    expect((await a.post(`/api/competitions/${competitionId}/rounds/${rounds.final}/closing`, { minutes: 5 })).status).toBe(401);
    expect(dbDigest(db)).toBe(before);
  });
});

describe('complete scorecards not submitted, on the organiser\'s board', () => {
  test('the board lists drafts with every criterion scored, not the incomplete or the submitted; a draft becoming complete is pushed', async () => {
    const { a, call, live, competitionId, rounds, entrants, announce } = await finalOpen();
    const [alpha, beta, gamma] = entrants;
    const score = (entrantId: number, criterion: string, value: number): Change => ({ kind: 'score', entrantId, criterion, value, revision: 1 });
    const changes = `/api/juror/rounds/${rounds.final}/changes`;
    expect((await a.post(changes, { changes: [score(alpha, 'impact', 4), score(beta, 'impact', 3), score(beta, 'team', 3), score(gamma, 'impact', 2)] })).status).toBe(200);
    expect((await a.post(`/api/juror/rounds/${rounds.final}/scorecards/${beta}/submit`)).status).toBe(200);

    // What the organiser's board listens to (the hub also carries the juror's own scorecard events).
    const heard: LiveEvent[] = [];
    live.subscribe(competitionId, (e) => {
      if (e.type === 'progress') heard.push(e);
    });
    // Alpha's last criterion arrives: the organiser's board hears that it changed.
    expect((await a.post(changes, { changes: [score(alpha, 'team', 5)] })).status).toBe(200);
    expect(heard).toEqual([{ type: 'progress', data: { roundId: rounds.final, jurorId: expect.any(Number), entrantId: alpha, status: 'draft' } }]);

    await announce({ minutes: 5 });
    const board = LiveBoardSchema.parse(await (await call('GET', `/live/board?roundId=${rounds.final}`)).json());
    expect(board.completeUnsubmitted).toEqual([{ jurorId: expect.any(Number), entrantId: alpha }]);
    expect(board.closesAt).toBe('2026-06-13T09:05:00.000Z');
    // Changing a score of a scorecard already complete is not news for the board.
    heard.length = 0;
    expect((await a.post(changes, { changes: [{ ...score(alpha, 'team', 4), revision: 2 }] })).status).toBe(200);
    expect(heard).toEqual([]);
  });
});
