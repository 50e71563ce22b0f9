import type { Deliberation, DeliberationCorrection, DeliberationDecisionResponse } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import type { LiveEvent } from '../../lib/live-hub.js';
import { closedFinal } from '../../results/final-fixture.js';
import { SCORECARD_CHANGED } from '../juror/juror.live.js';
import { createHash } from 'node:crypto';
import { dbDigest as fullDigest } from '../../test-utils.js';

/** Every table but the tablets' last contact, which any authenticated request refreshes. */
const dbDigest = (db: Parameters<typeof fullDigest>[0]) => {
  const saved = db.prepare('SELECT id, last_seen_at FROM device_bindings').all();
  db.prepare('UPDATE device_bindings SET last_seen_at = NULL').run();
  const digest = createHash('sha256').update(fullDigest(db)).digest('hex');
  const restore = db.prepare('UPDATE device_bindings SET last_seen_at = @last_seen_at WHERE id = @id');
  for (const row of saved) restore.run(row);
  return digest;
};

const events = (f: Awaited<ReturnType<typeof closedFinal>>, type: string) =>
  f.db.prepare('SELECT actor, payload FROM events WHERE type = ? ORDER BY seq').all(type) as { actor: string; payload: string }[];

describe('chair decisions', () => {
  test('an open tie for the last award seat is shown, and a snapshot is refused until the chair orders it', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    const delib = (await (await f.request('GET', `/api/chair/rounds/${f.roundId}/deliberation`, f.chairHeaders)).json()) as Deliberation;
    expect(delib.selection.needsChairDecision).toEqual({ entrantIds: expect.arrayContaining([c, d]), seats: 1, open: 1 });
    expect(delib.robustness?.reasons.map((r) => r.code)).toContain('PENDING_CHAIR_DECISION');
    const refused = await f.request('POST', `/api/competitions/${f.competitionId}/results/${f.roundId}/snapshot`, f.organiserHeaders);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { details: [{ rule: 'chair-decision-pending' }] } });

    const res = await f.request('POST', `/api/chair/rounds/${f.roundId}/decisions`, f.chairHeaders, { entrantIds: [d, c], reason: 'Stronger pitch on stage, as the jury agreed' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as DeliberationDecisionResponse;
    expect(body.selection.needsChairDecision).toBeNull();
    expect(body.selection.selectedIds[2]).toBe(d);
    expect(events(f, 'chair.decision')).toEqual([expect.objectContaining({ actor: `juror:${f.chair}` })]);

    const after = (await (await f.request('GET', `/api/chair/rounds/${f.roundId}/deliberation`, f.chairHeaders)).json()) as Deliberation;
    expect(after.decisions).toEqual([expect.objectContaining({ entrantIds: [d, c], reason: 'Stronger pitch on stage, as the jury agreed' })]);
    expect(after.ties.find((t) => t.kind === 'chair')?.steps).toEqual([expect.objectContaining({ aheadId: d, behindId: c })]);
    expect((await f.request('POST', `/api/competitions/${f.competitionId}/results/${f.roundId}/snapshot`, f.organiserHeaders)).status).toBe(201);
  });

  test('a decision needs a reason, and only for startups the rules left tied', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    const before = dbDigest(f.db);
    const path = `/api/chair/rounds/${f.roundId}/decisions`;
    expect((await f.request('POST', path, f.chairHeaders, { entrantIds: [d, c] })).status).toBe(400);
    expect((await f.request('POST', path, f.chairHeaders, { entrantIds: [d, c], reason: ' ' })).status).toBe(400);
    const notTied = f.entrants.map((e) => e.id).find((id) => id !== c && id !== d)!;
    const res = await f.request('POST', path, f.chairHeaders, { entrantIds: [notTied, c], reason: 'not a tie' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { details: [{ rule: 'not-an-open-tie' }] } });
    expect(dbDigest(f.db)).toBe(before);
  });

  test('a juror who is not the chair gets 403 on every chair action, and nothing changes', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    const juror = f.device(f.jurors.find((j) => j !== f.chair)!);
    const before = dbDigest(f.db);
    const base = `/api/chair/rounds/${f.roundId}`;
    const attempts = [
      f.request('POST', `${base}/decisions`, juror, { entrantIds: [d, c], reason: 'I prefer D' }),
      f.request('POST', `${base}/corrections`, juror, { juror: 1, entrantId: c, criterion: 'impact', value: 9, reason: 'typo' }),
      f.request('POST', `${base}/snapshot`, juror),
      f.request('POST', `${base}/signoff`, juror),
      f.request('GET', `${base}/verify`, juror),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
    expect(dbDigest(f.db)).toBe(before);
  });
});

describe('chair corrections', () => {
  test('the chair corrects a submitted score with a reason; both values are kept, shown and logged', async () => {
    const f = await closedFinal();
    const delib = (await (await f.request('GET', `/api/chair/rounds/${f.roundId}/deliberation?reveal=true`, f.chairHeaders)).json()) as Deliberation;
    const target = f.jurors[2]!;
    const number = delib.jurors.find((j) => j.id === target)!.number;
    const entrantId = f.entrants[3]!.id;
    const old = f.db
      .prepare("SELECT s.value FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id JOIN criteria c ON c.id = s.criterion_id WHERE sc.round_id = ? AND sc.juror_id = ? AND sc.entrant_id = ? AND c.code = 'impact'")
      .pluck()
      .get(f.roundId, target, entrantId) as number;
    const value = old === 10 ? 9 : old + 1;
    const res = await f.request('POST', `/api/chair/rounds/${f.roundId}/corrections`, f.chairHeaders, { juror: number, entrantId, criterion: 'impact', value, reason: 'The juror tapped the wrong level, confirmed with them' });
    expect(res.status).toBe(201);
    expect((await res.json()) as DeliberationCorrection).toMatchObject({ juror: number, entrantId, criterion: 'impact', oldValue: old, newValue: value });
    expect(f.db.prepare('SELECT old_value, new_value, chair_juror_id FROM score_corrections').all()).toEqual([{ old_value: old, new_value: value, chair_juror_id: f.chair }]);
    expect(events(f, 'score.corrected')).toHaveLength(1);

    const after = (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders)).json()) as Deliberation;
    expect(after.corrections).toEqual([expect.objectContaining({ oldValue: old, newValue: value, juror: number })]);
    const card = after.ranking.find((r) => r.entrantId === entrantId)!.scorecards.find((s) => s.juror === number)!;
    expect(card.scores['impact']).toBe(value);
    expect(card.correctedByChair).toBe(true);
  });

  test("a correction reaches the corrected juror's tablets as a change by the chair (issue 14 point 2)", async () => {
    const f = await closedFinal();
    const delib = (await (await f.request('GET', `/api/chair/rounds/${f.roundId}/deliberation?reveal=true`, f.chairHeaders)).json()) as Deliberation;
    const target = f.jurors[1]!;
    const number = delib.jurors.find((j) => j.id === target)!.number;
    const entrantId = f.entrants[2]!.id;
    const old = f.db
      .prepare("SELECT s.value FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id JOIN criteria c ON c.id = s.criterion_id WHERE sc.round_id = ? AND sc.juror_id = ? AND sc.entrant_id = ? AND c.code = 'impact'")
      .pluck()
      .get(f.roundId, target, entrantId) as number;
    const heard: LiveEvent[] = [];
    const stop = f.live.subscribe(f.competitionId, (e) => heard.push(e));
    const res = await f.request('POST', `/api/chair/rounds/${f.roundId}/corrections`, f.chairHeaders, { juror: number, entrantId, criterion: 'impact', value: old === 10 ? 9 : old + 1, reason: 'Confirmed with the juror' });
    stop();
    expect(res.status).toBe(201);
    expect(heard.filter((e) => e.type === SCORECARD_CHANGED)).toEqual([{ type: SCORECARD_CHANGED, data: { jurorId: target, roundId: f.roundId, entrantId, bindingId: null } }]);
  });

  test('a correction without a reason, out of scale, or by the organiser is refused and changes nothing', async () => {
    const f = await closedFinal();
    const entrantId = f.entrants[3]!.id;
    const before = dbDigest(f.db);
    const path = `/api/chair/rounds/${f.roundId}/corrections`;
    expect((await f.request('POST', path, f.chairHeaders, { juror: 1, entrantId, criterion: 'impact', value: 5 })).status).toBe(400);
    const out = await f.request('POST', path, f.chairHeaders, { juror: 1, entrantId, criterion: 'impact', value: 11, reason: 'typo' });
    expect(out.status).toBe(400);
    expect(await out.json()).toMatchObject({ error: { details: [{ path: 'value', rule: 'out-of-scale' }] } });
    expect((await f.request('POST', path, f.organiserHeaders, { juror: 1, entrantId, criterion: 'impact', value: 5, reason: 'typo' })).status).toBe(401);
    expect(dbDigest(f.db)).toBe(before);
  });

  test('no correction while the round is open', async () => {
    const f = await closedFinal();
    f.db.prepare("UPDATE rounds SET state = 'open' WHERE id = ?").run(f.roundId);
    const res = await f.request('POST', `/api/chair/rounds/${f.roundId}/corrections`, f.chairHeaders, { juror: 1, entrantId: f.entrants[3]!.id, criterion: 'impact', value: 5, reason: 'typo' });
    expect(res.status).toBe(409);
  });
});
