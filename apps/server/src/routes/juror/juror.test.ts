import {
  ChangeBatchResponseSchema,
  ErrorEnvelopeSchema,
  JurorStateSchema,
  RecusalResponseSchema,
  ScorecardEventSchema,
  type Change,
} from '@palmares/contract';
import { describe, expect, test, vi } from 'vitest';
import { verifyChain } from '../../lib/event-log.js';
import type { LiveEvent } from '../../lib/live-hub.js';
import { demoJurors } from '../../demo/demo-data.js';
import { demoJurorToken, seedDemo } from '../../demo/seed-demo.js';
import { dbDigest, testApp } from '../../test-utils.js';
import { bindTablet, countRows, jurorFixture, tablet } from './juror.fixture.js';
import { HEARTBEAT_MS } from './juror.live.js';

const envelope = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;

async function scoring() {
  const f = await jurorFixture();
  const a = tablet(f.app, (await bindTablet(f.app, 'invite-a')).cookie);
  const b = tablet(f.app, (await bindTablet(f.app, 'invite-b')).cookie);
  const [alpha, beta, gamma] = f.entrants;
  const changes = (round = f.rounds.final) => `/api/juror/rounds/${round}/changes`;
  const score = (entrantId: number, criterion: string, value: number, revision: number): Change => ({ kind: 'score', entrantId, criterion, value, revision });
  const state = async (t = a) => JurorStateSchema.parse(await (await t.get('/api/juror/state')).json());
  const card = (entrantId: number, action: 'submit' | 'reopen', t = a) =>
    t.post(`/api/juror/rounds/${f.rounds.final}/scorecards/${entrantId}/${action}`);
  return { ...f, a, b, alpha, beta, gamma, changes, score, state, card };
}

describe('GET /api/juror/state', () => {
  test("lists the juror's entrants of the open round in pitch order, the rubric, the now-pitching entrant and progress", async () => {
    const { state, b, alpha, beta, gamma, rounds } = await scoring();
    const s = await state();
    expect(s.round).toMatchObject({ id: rounds.final, kind: 'final', state: 'open', nowPitchingEntrantId: alpha });
    expect(s.entrants.map((e) => [e.id, e.pitchPosition, e.state])).toEqual([
      [beta, 1, 'not-started'],
      [alpha, 2, 'not-started'],
      [gamma, 3, 'not-started'],
    ]);
    expect(s.competition.scale).toEqual({ min: 1, max: 5 });
    expect(s.competition.criteria.map((c) => [c.code, c.weight])).toEqual([['impact', 2], ['team', 1]]);
    expect(s.progress).toEqual({ total: 3, notStarted: 3, draft: 0, submitted: 0, recused: 0 });
    // Juror B is assigned only two of them.
    expect((await state(b)).entrants.map((e) => e.id)).toEqual([beta, alpha]);
  });

  test("juror A never sees juror B's scores, note or feedback", async () => {
    const { a, b, state, changes, score, alpha } = await scoring();
    const res = await b.post(changes(), {
      changes: [score(alpha, 'impact', 5, 1), { kind: 'note', entrantId: alpha, text: 'B-private-note', revision: 1 }],
    });
    expect(res.status).toBe(200);
    const text = await (await a.get('/api/juror/state')).text();
    expect(text).not.toContain('B-private-note');
    const s = await state(a);
    expect(s.entrants.find((e) => e.id === alpha)).toMatchObject({ state: 'not-started', scorecard: null });
    expect((await state(b)).entrants.find((e) => e.id === alpha)?.scorecard?.scores).toEqual([{ criterion: 'impact', value: 5, revision: 1 }]);
  });

  test('a tablet that replaces a broken one starts from the revisions the server holds', async () => {
    const { app, a, changes, score, alpha, state } = await scoring();
    await a.post(changes(), { changes: [score(alpha, 'impact', 3, 1), score(alpha, 'impact', 4, 2), score(alpha, 'team', 2, 1)] });
    const replacement = tablet(app, (await bindTablet(app, 'invite-a')).cookie);
    const s = await state(replacement);
    expect(s.entrants.find((e) => e.id === alpha)?.scorecard?.scores).toEqual([
      { criterion: 'impact', value: 4, revision: 2 },
      { criterion: 'team', value: 2, revision: 1 },
    ]);
  });
});

describe('POST /api/juror/rounds/:roundId/changes', () => {
  test('stores each change, logs each in the hash-chained event log, and answers what the server holds', async () => {
    const { a, db, changes, score, alpha, state, jurorA } = await scoring();
    const eventsBefore = countRows(db, 'events');
    const res = await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1), score(alpha, 'team', 3, 1)] });
    expect(res.status).toBe(200);
    const body = ChangeBatchResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ applied: 2, duplicates: 0, receivedAt: '2026-06-13T09:00:00.000Z' });
    expect(body.serverRevisions).toEqual([
      { kind: 'score', entrantId: alpha, criterion: 'impact', value: 4, revision: 1 },
      { kind: 'score', entrantId: alpha, criterion: 'team', value: 3, revision: 1 },
    ]);
    expect(countRows(db, 'score_changes')).toBe(2);
    expect(countRows(db, 'events')).toBe(eventsBefore + 2);
    const last = db.prepare('SELECT actor, type, payload FROM events ORDER BY seq DESC LIMIT 1').get() as { actor: string; type: string; payload: string };
    expect(last).toMatchObject({ actor: `juror:${jurorA}`, type: 'score.changed' });
    expect(JSON.parse(last.payload)).toMatchObject({ entrantId: alpha, criterion: 'team', value: 3, revision: 1 });
    expect(verifyChain(db)).toMatchObject({ ok: true });
    expect((await state()).entrants.find((e) => e.id === alpha)?.state).toBe('draft');
  });

  test('a replayed batch is stored once', async () => {
    const { a, db, changes, score, alpha } = await scoring();
    const batch = { changes: [score(alpha, 'impact', 4, 1), score(alpha, 'team', 3, 1)] };
    await a.post(changes(), batch);
    const after = dbDigest(db);
    const replay = await a.post(changes(), batch);
    expect(replay.status).toBe(200);
    expect(ChangeBatchResponseSchema.parse(await replay.json())).toMatchObject({ applied: 0, duplicates: 2 });
    expect(dbDigest(db)).toBe(after);
  });

  test('out-of-order revisions keep the highest, and every change is kept', async () => {
    const { a, db, changes, score, alpha } = await scoring();
    await a.post(changes(), { changes: [score(alpha, 'impact', 5, 3)] });
    const late = ChangeBatchResponseSchema.parse(await (await a.post(changes(), { changes: [score(alpha, 'impact', 2, 2), score(alpha, 'impact', 1, 1)] })).json());
    expect(late.applied).toBe(2);
    expect(late.serverRevisions).toEqual([{ kind: 'score', entrantId: alpha, criterion: 'impact', value: 5, revision: 3 }]);
    expect(db.prepare('SELECT value, revision FROM scores').all()).toEqual([{ value: 5, revision: 3 }]);
    expect(db.prepare('SELECT revision, value FROM score_changes ORDER BY revision').all()).toEqual([
      { revision: 1, value: 1 },
      { revision: 2, value: 2 },
      { revision: 3, value: 5 },
    ]);
  });

  test('the same revision with another value is refused with 409 REVISION_CONFLICT and nothing of the batch is written', async () => {
    const { a, db, changes, score, alpha, beta } = await scoring();
    await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1)] });
    const before = dbDigest(db);
    const res = await a.post(changes(), { changes: [score(beta, 'team', 2, 1), score(alpha, 'impact', 3, 1)] });
    expect(res.status).toBe(409);
    const error = await envelope(res);
    expect(error.code).toBe('REVISION_CONFLICT');
    expect(error.details).toEqual([expect.objectContaining({ path: 'changes.1.revision', rule: 'revision_conflict' })]);
    expect(dbDigest(db)).toBe(before);
  });

  test('batches arriving together are each whole or nothing: a refused one writes nothing, the others are stored', async () => {
    const { a, b, db, changes, score, alpha, beta, gamma } = await scoring();
    const eventsBefore = countRows(db, 'events');
    // They share one commit (lib/group-commit.ts); A's two batches claim revision 1 of the same field.
    const batches = [
      { t: a, changes: [score(alpha, 'impact', 4, 1)] },
      { t: b, changes: [score(beta, 'team', 2, 1)] },
      { t: a, changes: [score(gamma, 'team', 3, 1), score(alpha, 'impact', 5, 1)] },
    ];
    const statuses = (await Promise.all(batches.map(({ t, changes: c }) => t.post(changes(), { changes: c })))).map((r) => r.status);
    expect([...statuses].sort()).toEqual([200, 200, 409]);
    const stored = batches.filter((_, i) => statuses[i] === 200).flatMap((x) => x.changes);
    const rows = db.prepare('SELECT c.entrant_id AS entrantId, k.code AS criterion, s.value, s.revision FROM score_changes s JOIN scorecards c ON c.id = s.scorecard_id JOIN criteria k ON k.id = s.criterion_id').all();
    expect(rows).toEqual(expect.arrayContaining(stored.map(({ kind: _, ...rest }) => rest)));
    expect(rows).toHaveLength(stored.length);
    expect(countRows(db, 'events')).toBe(eventsBefore + stored.length);
    expect(verifyChain(db)).toMatchObject({ ok: true });
  });

  test('two changes in one batch with the same revision and different values conflict too', async () => {
    const { a, db, changes, score, alpha } = await scoring();
    const before = dbDigest(db);
    const res = await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1), score(alpha, 'impact', 2, 1)] });
    expect(res.status).toBe(409);
    expect(dbDigest(db)).toBe(before);
  });

  test('a batch with one out-of-scale value is rejected whole with 400 naming the field', async () => {
    const { a, db, changes, score, alpha, beta } = await scoring();
    const before = dbDigest(db);
    const res = await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1), score(beta, 'team', 6, 1), score(beta, 'impact', 0, 1)] });
    expect(res.status).toBe(400);
    const error = await envelope(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => [d.path, d.rule])).toEqual([
      ['changes.1.value', 'too_big'],
      ['changes.2.value', 'too_small'],
    ]);
    expect(dbDigest(db)).toBe(before);
  });

  test('an unknown criterion is refused with 400 naming it', async () => {
    const { a, db, changes, score, alpha } = await scoring();
    const before = dbDigest(db);
    const res = await a.post(changes(), { changes: [score(alpha, 'charisma', 3, 1)] });
    expect(res.status).toBe(400);
    expect((await envelope(res)).details).toEqual([expect.objectContaining({ path: 'changes.0.criterion', rule: 'unknown_criterion' })]);
    expect(dbDigest(db)).toBe(before);
  });

  test.each([
    ['a fractional value', { changes: [{ kind: 'score', entrantId: 1, criterion: 'impact', value: 3.5, revision: 1 }] }, 'changes.0.value'],
    ['a zero revision', { changes: [{ kind: 'score', entrantId: 1, criterion: 'impact', value: 3, revision: 0 }] }, 'changes.0.revision'],
    ['an unknown kind', { changes: [{ kind: 'vote', entrantId: 1, revision: 1 }] }, 'changes.0.kind'],
    ['an empty batch', { changes: [] }, 'changes'],
  ])('%s is refused with 400 naming the field, and writes nothing', async (_name, body, path) => {
    const { a, db, changes } = await scoring();
    const before = dbDigest(db);
    const res = await a.post(changes(), body);
    expect(res.status).toBe(400);
    expect((await envelope(res)).details.map((d) => d.path)).toContain(path);
    expect(dbDigest(db)).toBe(before);
  });

  test('malformed JSON gets 400 INVALID_JSON', async () => {
    const { a, changes } = await scoring();
    const res = await a.post(changes(), '{"changes": [');
    expect(res.status).toBe(400);
    expect((await envelope(res)).code).toBe('INVALID_JSON');
  });

  test('scoring an entrant one is not assigned to gets 403 NOT_ASSIGNED and writes nothing', async () => {
    const { b, db, changes, score, alpha, gamma } = await scoring();
    const before = dbDigest(db);
    const res = await b.post(changes(), { changes: [score(alpha, 'impact', 3, 1), score(gamma, 'impact', 3, 1)] });
    expect(res.status).toBe(403);
    const error = await envelope(res);
    expect(error.code).toBe('NOT_ASSIGNED');
    expect(error.details[0]?.path).toBe('changes.1.entrantId');
    expect(dbDigest(db)).toBe(before);
  });

  test('scoring an entrant one is recused from gets 403 RECUSED', async () => {
    const { a, db, changes, score, beta } = await scoring();
    expect((await a.post('/api/juror/recusals', { entrantId: beta, reason: 'My cousin founded it' })).status).toBe(201);
    const before = dbDigest(db);
    const res = await a.post(changes(), { changes: [score(beta, 'impact', 3, 1)] });
    expect(res.status).toBe(403);
    expect((await envelope(res)).code).toBe('RECUSED');
    expect(dbDigest(db)).toBe(before);
  });

  test('scoring in a closed round gets 409 ROUND_CLOSED', async () => {
    const { a, db, changes, score, alpha, rounds } = await scoring();
    const before = dbDigest(db);
    const res = await a.post(changes(rounds.shortlist), { changes: [score(alpha, 'impact', 3, 1)] });
    expect(res.status).toBe(409);
    expect((await envelope(res)).code).toBe('ROUND_CLOSED');
    expect(dbDigest(db)).toBe(before);
  });

  test("a round of another competition, or none, answers 404", async () => {
    const { a, changes, score, alpha } = await scoring();
    const res = await a.post(changes(9999), { changes: [score(alpha, 'impact', 3, 1)] });
    expect(res.status).toBe(404);
  });

  test('notes and feedback sync with revisions like scores: highest kept, replay ignored, conflict refused', async () => {
    const { a, changes, alpha, state } = await scoring();
    const note = (text: string, revision: number): Change => ({ kind: 'note', entrantId: alpha, text, revision });
    await a.post(changes(), { changes: [note('second thought', 2), { kind: 'feedback', entrantId: alpha, text: 'Clear pitch', revision: 1 }] });
    const late = ChangeBatchResponseSchema.parse(await (await a.post(changes(), { changes: [note('first thought', 1)] })).json());
    expect(late.serverRevisions).toEqual([{ kind: 'note', entrantId: alpha, text: 'second thought', revision: 2 }]);
    expect(ChangeBatchResponseSchema.parse(await (await a.post(changes(), { changes: [note('second thought', 2)] })).json()).duplicates).toBe(1);
    expect((await a.post(changes(), { changes: [note('other', 2)] })).status).toBe(409);
    const sc = (await state()).entrants.find((e) => e.id === alpha)?.scorecard;
    expect(sc).toMatchObject({ note: 'second thought', noteRevision: 2, feedback: 'Clear pitch', feedbackRevision: 1, status: 'draft' });
  });
});

describe('submitting and reopening a scorecard', () => {
  test('an incomplete scorecard is refused with 409 naming the missing criteria', async () => {
    const { a, db, changes, score, alpha, card } = await scoring();
    await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1)] });
    const before = dbDigest(db);
    const res = await card(alpha, 'submit');
    expect(res.status).toBe(409);
    const error = await envelope(res);
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual([expect.objectContaining({ path: 'scores.team', rule: 'required' })]);
    expect(dbDigest(db)).toBe(before);
    expect((await card(alpha, 'submit', a)).status).toBe(409);
  });

  test('submit, then changes are refused until reopened; a replay of what was already stored still passes', async () => {
    const { a, db, live, competitionId, changes, score, alpha, card, state, jurorA, rounds } = await scoring();
    const published: LiveEvent[] = [];
    live.subscribe(competitionId, (e) => published.push(e));
    const batch = { changes: [score(alpha, 'impact', 4, 1), score(alpha, 'team', 3, 1)] };
    await a.post(changes(), batch);
    const submitted = await card(alpha, 'submit');
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ state: 'submitted', submittedAt: '2026-06-13T09:00:00.000Z' });
    expect((await state()).progress).toMatchObject({ submitted: 1, notStarted: 2 });
    expect(db.prepare('SELECT status FROM scorecards').pluck().get()).toBe('submitted');
    expect((await card(alpha, 'submit')).status).toBe(200);

    expect((await a.post(changes(), batch)).status).toBe(200);
    const locked = await a.post(changes(), { changes: [score(alpha, 'team', 5, 2)] });
    expect(locked.status).toBe(409);
    expect((await envelope(locked)).code).toBe('CONFLICT');

    expect((await card(alpha, 'reopen')).status).toBe(200);
    expect((await a.post(changes(), { changes: [score(alpha, 'team', 5, 2)] })).status).toBe(200);
    expect((await state()).entrants.find((e) => e.id === alpha)?.state).toBe('draft');
    expect(db.prepare('SELECT type FROM events WHERE type LIKE ? ORDER BY seq').pluck().all('scorecard.%')).toEqual([
      'scorecard.submitted',
      'scorecard.reopened',
    ]);
    expect(published.filter((e) => e.type === 'progress').map((e) => e.data)).toEqual([
      { roundId: rounds.final, jurorId: jurorA, entrantId: alpha, status: 'draft' },
      { roundId: rounds.final, jurorId: jurorA, entrantId: alpha, status: 'submitted' },
      { roundId: rounds.final, jurorId: jurorA, entrantId: alpha, status: 'draft' },
    ]);
    expect(verifyChain(db).ok).toBe(true);
  });

  test('once the round closes the scorecard is locked: reopen and changes get 409 ROUND_CLOSED', async () => {
    const { a, db, changes, score, alpha, card, rounds } = await scoring();
    await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1), score(alpha, 'team', 3, 1)] });
    await card(alpha, 'submit');
    db.prepare("UPDATE rounds SET state = 'closed' WHERE id = ?").run(rounds.final);
    const reopen = await card(alpha, 'reopen');
    expect(reopen.status).toBe(409);
    expect((await envelope(reopen)).code).toBe('ROUND_CLOSED');
    expect((await a.post(changes(), { changes: [score(alpha, 'team', 5, 2)] })).status).toBe(409);
  });

  test('submitting for an entrant one is not assigned to gets 403 NOT_ASSIGNED', async () => {
    const { b, gamma, card } = await scoring();
    const res = await card(gamma, 'submit', b);
    expect(res.status).toBe(403);
    expect((await envelope(res)).code).toBe('NOT_ASSIGNED');
  });
});

describe('POST /api/juror/recusals', () => {
  test('a recusal after submitting withdraws the scorecard and hides it; a replay changes nothing', async () => {
    const { a, db, live, competitionId, changes, score, alpha, card, state, rounds, jurorA } = await scoring();
    await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1), score(alpha, 'team', 3, 1)] });
    await card(alpha, 'submit');
    const published: LiveEvent[] = [];
    live.subscribe(competitionId, (e) => published.push(e));
    const res = await a.post('/api/juror/recusals', { entrantId: alpha, reason: 'Former colleague' });
    expect(res.status).toBe(201);
    expect(RecusalResponseSchema.parse(await res.json())).toMatchObject({ withdrawnRoundIds: [rounds.final], alreadyDeclared: false });
    expect(db.prepare('SELECT status FROM scorecards').pluck().get()).toBe('withdrawn');
    const entry = (await state()).entrants.find((e) => e.id === alpha);
    expect(entry).toMatchObject({ state: 'recused', scorecard: null });
    expect((await state()).progress).toMatchObject({ recused: 1, submitted: 0 });
    expect(published.filter((e) => e.type === 'progress')).toEqual([{ type: 'progress', data: { roundId: rounds.final, jurorId: jurorA, entrantId: alpha, status: 'recused' } }]);

    const after = dbDigest(db);
    const replay = await a.post('/api/juror/recusals', { entrantId: alpha, reason: 'Former colleague' });
    expect(replay.status).toBe(200);
    expect(RecusalResponseSchema.parse(await replay.json()).alreadyDeclared).toBe(true);
    expect(dbDigest(db)).toBe(after);
    expect((await card(alpha, 'reopen')).status).toBe(403);
    expect(verifyChain(db).ok).toBe(true);
  });

  test('a recusal leaves the scorecards of closed rounds as they were: those results are frozen', async () => {
    const { a, db, alpha, rounds, jurorA } = await scoring();
    db.prepare("INSERT INTO scorecards (round_id, juror_id, entrant_id, status, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, ?)")
      .run(rounds.shortlist, jurorA, alpha, '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z');
    const res = await a.post('/api/juror/recusals', { entrantId: alpha, reason: 'Met the founders since' });
    expect(RecusalResponseSchema.parse(await res.json()).withdrawnRoundIds).toEqual([]);
    expect(db.prepare('SELECT status FROM scorecards WHERE round_id = ?').pluck().get(rounds.shortlist)).toBe('submitted');
  });

  test('a recusal needs a reason and an entrant of the competition', async () => {
    const { a, db, alpha } = await scoring();
    const before = dbDigest(db);
    const noReason = await a.post('/api/juror/recusals', { entrantId: alpha, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect((await envelope(noReason)).details.map((d) => d.path)).toContain('reason');
    expect((await a.post('/api/juror/recusals', { entrantId: 9999, reason: 'x' })).status).toBe(404);
    expect(dbDigest(db)).toBe(before);
  });
});

/**
 * A tablet's live stream, read event by event. `nextData(type)` waits for the next event of that
 * type; `seen()` is everything received so far (read what is buffered first, then stop).
 */
async function openStream(t: ReturnType<typeof tablet>) {
  const res = await t.get('/api/juror/live');
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  let consumed = 0;
  const pump = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    buffer += decoder.decode(value);
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      const event = field('event');
      if (event) events.push({ event, data: field('data') ?? '' });
    }
  };
  await pump(); // the cursor, first
  return {
    async nextData(type: string): Promise<string> {
      for (;;) {
        const found = events.slice(consumed).findIndex((e) => e.event === type);
        if (found >= 0) {
          consumed += found + 1;
          return events[consumed - 1]!.data;
        }
        await pump();
      }
    },
    seen: () => events,
    close: () => reader.cancel(),
  };
}

describe('GET /api/juror/live', () => {
  test('streams the now-pitching entrant first, then each change the organiser publishes, never progress', async () => {
    const { a, live, competitionId, alpha, beta, rounds } = await scoring();
    const res = await a.get('/api/juror/live');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    const next = async () => decoder.decode((await reader.read()).value);
    // The first event also sets how soon the tablet reconnects after a cut (1 s): its queue goes then.
    expect(await next()).toBe(`event: now-pitching\ndata: ${JSON.stringify({ roundId: rounds.final, entrantId: alpha })}\nretry: 1000\n\n`);
    expect(live.subscriberCount(competitionId)).toBe(1);
    live.publish(competitionId, { type: 'progress', data: { roundId: rounds.final, jurorId: 2, entrantId: alpha, status: 'submitted' } });
    live.publish(competitionId, { type: 'now-pitching', data: { roundId: rounds.final, entrantId: beta } });
    expect(await next()).toBe(`event: now-pitching\ndata: ${JSON.stringify({ roundId: rounds.final, entrantId: beta })}\n\n`);
    await reader.cancel();
    // The server notices the closed stream on its next write or abort: wait for it, do not guess.
    await vi.waitFor(() => expect(live.subscriberCount(competitionId)).toBe(0));
  });

  test("a change on one of the juror's tablets reaches their other tablet's stream with what the server holds, never the tablet that made it nor another juror", async () => {
    const { app, a, b, live, competitionId, changes, score, alpha, beta, card, rounds } = await scoring();
    const other = tablet(app, (await bindTablet(app, 'invite-a')).cookie);
    const mine = await openStream(a);
    const theirs = await openStream(other);
    const jurorB = await openStream(b);
    await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1), score(alpha, 'team', 3, 1)] });
    const event = ScorecardEventSchema.parse(JSON.parse(await theirs.nextData('scorecard')));
    expect(event).toMatchObject({ roundId: rounds.final, entrantId: alpha, by: 'other-tablet', state: 'draft' });
    expect(event.scorecard?.scores).toEqual([
      { criterion: 'impact', value: 4, revision: 1 },
      { criterion: 'team', value: 3, revision: 1 },
    ]);
    // A replay changes nothing on the server: nothing to tell.
    await a.post(changes(), { changes: [score(alpha, 'impact', 4, 1)] });
    await card(alpha, 'submit');
    expect(ScorecardEventSchema.parse(JSON.parse(await theirs.nextData('scorecard')))).toMatchObject({ entrantId: alpha, state: 'submitted', scorecard: { status: 'submitted' } });
    // The tablet that made the changes and juror B hear only the cursor: a cursor move published
    // after the changes arrives after anything they would have been sent.
    live.publish(competitionId, { type: 'now-pitching', data: { roundId: rounds.final, entrantId: beta } });
    for (const s of [mine, jurorB]) {
      await s.nextData('now-pitching');
      await s.nextData('now-pitching');
      expect(s.seen().map((e) => e.event)).toEqual(['now-pitching', 'now-pitching']);
    }
    await Promise.all([mine, theirs, jurorB].map((s) => s.close()));
  });

  test('sends a keep-alive comment every 15 s and ends the stream once the tablet is revoked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { a, db, live, competitionId } = await scoring();
      const res = await a.get('/api/juror/live');
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no body');
      const decoder = new TextDecoder();
      expect(decoder.decode((await reader.read()).value)).toContain('event: now-pitching');
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      expect(decoder.decode((await reader.read()).value)).toBe(': keep-alive\n\n');
      db.prepare('UPDATE device_bindings SET revoked_at = ?').run('2026-06-13T09:00:30Z');
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      expect((await reader.read()).done).toBe(true);
      expect(live.subscriberCount(competitionId)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the demo competition', () => {
  test("every demo juror link binds a tablet that shows the final's 12 startups in pitch order, declared conflicts as recused", async () => {
    const { app, db } = testApp();
    await seedDemo(db, new Date('2026-06-12T08:00:00Z'));
    const recusedPairs = new Set(db.prepare("SELECT juror_id || ':' || entrant_id FROM recusals").pluck().all() as string[]);
    let recusedSeen = 0;
    for (let i = 0; i < demoJurors.length; i++) {
      const t = tablet(app, (await bindTablet(app, demoJurorToken(i))).cookie);
      const s = JurorStateSchema.parse(await (await t.get('/api/juror/state')).json());
      expect(s.round).toMatchObject({ kind: 'final', state: 'open' });
      expect(s.entrants.map((e) => e.pitchPosition)).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
      for (const e of s.entrants) expect(e.state).toBe(recusedPairs.has(`${s.juror.id}:${e.id}`) ? 'recused' : 'not-started');
      recusedSeen += s.progress.recused;
    }
    const finalists = db.prepare("SELECT COUNT(*) FROM recusals r JOIN round_entrants re ON re.entrant_id = r.entrant_id JOIN rounds ro ON ro.id = re.round_id AND ro.kind = 'final'").pluck().get();
    expect(recusedSeen).toBe(finalists);
    expect(recusedSeen).toBeGreaterThan(0);
  });

  test('GET /api/openapi.json documents the juror routes', async () => {
    const { app } = testApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/juror/bind',
        '/api/juror/state',
        '/api/juror/rounds/{roundId}/changes',
        '/api/juror/rounds/{roundId}/scorecards/{entrantId}/submit',
        '/api/juror/recusals',
        '/api/juror/live',
        '/api/competitions/{id}/jurors',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/juror/rounds/{roundId}/changes'])).toContain('revision');
  });
});
