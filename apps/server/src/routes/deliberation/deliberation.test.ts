import type { Deliberation } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { closedFinal } from '../../results/final-fixture.js';
import { roundRankingInput } from '../../results/ranking-input.js';
import { insertOrganiser, login } from '../../test-utils.js';

describe('deliberation', () => {
  test('GET /api/competitions/:id/deliberation/:roundId shows the ranking, raw means, corrected scores and trims, jurors anonymised', async () => {
    const f = await closedFinal();
    const res = await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Deliberation;
    expect(body.method).toBe('satm');
    expect(body.ranking).toHaveLength(12);
    expect(body.ranking.map((r) => r.rank)).toEqual([...body.ranking.map((r) => r.rank)].sort((a, b) => (a ?? 99) - (b ?? 99)));
    const first = body.ranking[0]!;
    expect(first.rawMean?.exact).toMatch(/^\d+(\/\d+)?$/);
    // With 8 scorecards the automatic trim drops the highest and the lowest corrected score.
    for (const row of body.ranking) {
      expect(row.scorecards).toHaveLength(row.scored);
      const marks = row.scorecards.map((s) => s.trimmed);
      expect(marks.filter((m) => m === 'high')).toHaveLength(row.trimmed / 2);
      expect(marks.filter((m) => m === 'low')).toHaveLength(row.trimmed / 2);
      const kept = row.scorecards.filter((s) => s.trimmed === null).map((s) => s.corrected.value);
      const dropped = row.scorecards.filter((s) => s.trimmed !== null);
      for (const d of dropped) {
        if (d.trimmed === 'high') expect(Math.max(...kept)).toBeLessThanOrEqual(d.corrected.value);
        else expect(Math.min(...kept)).toBeGreaterThanOrEqual(d.corrected.value);
      }
      // The score is the mean of the corrected scores kept.
      if (row.score) expect(kept.reduce((a, b) => a + b, 0) / kept.length).toBeCloseTo(row.score.value, 9);
    }
    expect(body.revealed).toBe(false);
    expect(body.jurors.every((j) => j.id === null && j.name === null)).toBe(true);
    expect(body.jurors.map((j) => j.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(JSON.stringify(body)).not.toContain('Benslimane');
    expect(body.robustness?.banner).toMatch(/ROBUST|REVIEW/);
  });

  test('reveal=true names the jurors, with the same numbers', async () => {
    const f = await closedFinal();
    const anon = (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders)).json()) as Deliberation;
    const named = (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}?reveal=true`, f.organiserHeaders)).json()) as Deliberation;
    expect(named.revealed).toBe(true);
    expect(named.jurors.find((j) => j.isChair)?.name).toBe('Karima Benslimane');
    expect(named.jurors.map((j) => j.number)).toEqual(anon.jurors.map((j) => j.number));
    expect(named.ranking).toEqual(anon.ranking);
  });

  test('the grid marks a startup the jurors disagree on by more than 3 points, and the juror far from its median', async () => {
    const f = await closedFinal();
    const body = (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}?reveal=1`, f.organiserHeaders)).json()) as Deliberation;
    const target = f.entrants[0]!.id; // the fixture's second juror gave it 2 on every criterion
    const harshNumber = body.jurors.find((j) => j.id === f.jurors[1])!.number;
    expect(body.grid.threshold).toBe(3);
    expect(body.grid.entrants.find((e) => e.entrantId === target)?.disagreement).toBe(true);
    const far = body.grid.cells.filter((c) => c.farFromMedian);
    expect(far).toEqual([expect.objectContaining({ juror: harshNumber, entrantId: target, status: 'submitted' })]);
    expect(body.grid.cells.filter((c) => c.status === 'recused').length).toBeGreaterThan(0);
    expect(body.grid.cells).toHaveLength(8 * 12);
  });

  test('a juror who gives every startup the same total is marked as barely varying', async () => {
    const f = await closedFinal();
    const flat = f.jurors[3]!;
    f.db.prepare('UPDATE scores SET value = 6 WHERE scorecard_id IN (SELECT id FROM scorecards WHERE juror_id = ? AND round_id = ?)').run(flat, f.roundId);
    const body = (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}?reveal=true`, f.organiserHeaders)).json()) as Deliberation;
    const juror = body.jurors.find((j) => j.id === flat)!;
    expect(juror.flags).toContain('NON_DISCRIMINATING_JUROR');
    expect(juror.barelyVaries).toBe(true);
    expect(body.jurors.filter((j) => j.barelyVaries)).toHaveLength(1);
  });

  test('the deliberation carries the round’s selection rules, the ranking’s own, for the organiser and the chair', async () => {
    const f = await closedFinal({ tie: true });
    // The demo's final: 3 awards, at most one per axis, no minimum.
    const final = { count: 3, axisMin: 0, axisMax: 1 };
    const organiser = (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders)).json()) as Deliberation;
    const chair = (await (await f.request('GET', `/api/chair/rounds/${f.roundId}/deliberation`, f.chairHeaders)).json()) as Deliberation;
    expect(organiser.selectionRules).toEqual(final);
    expect(chair.selectionRules).toEqual(final);
    expect(roundRankingInput(f.db, f.roundId).selection).toEqual({ count: 3, axisMax: 1 });
    // The open tie counts every free seat; the rules are what tells how many the tied can take.
    expect(chair.selection.needsChairDecision).toMatchObject({ seats: 1 });

    // The confirmed shortlist round: the shortlist's size and both quotas.
    const shortlistId = f.db.prepare("SELECT id FROM rounds WHERE kind = 'shortlist'").pluck().get() as number;
    const shortlist = (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${shortlistId}`, f.organiserHeaders)).json()) as Deliberation;
    expect(shortlist.selectionRules).toEqual({ count: 12, axisMin: 2, axisMax: 3 });

    // No cap stored: null, as the ranking input leaves axisMax out.
    f.db.prepare('UPDATE competitions SET award_axis_max = NULL WHERE id = ?').run(f.competitionId);
    const uncapped = (await (await f.request('GET', `/api/chair/rounds/${f.roundId}/deliberation`, f.chairHeaders)).json()) as Deliberation;
    expect(uncapped.selectionRules).toEqual({ count: 3, axisMin: 0, axisMax: null });
  });

  test('an organiser of another competition gets 404', async () => {
    const f = await closedFinal();
    const other = await insertOrganiser(f.db, 'other@example.com');
    const cookie = await login(f.app, other.email, other.password);
    const res = await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, { cookie });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  test('a round still open answers 409 and shows nothing', async () => {
    const f = await closedFinal();
    f.db.prepare("UPDATE rounds SET state = 'open' WHERE id = ?").run(f.roundId);
    const res = await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders);
    expect(res.status).toBe(409);
  });

  test('the chair sees the deliberation from the tablet; another juror gets 403, no binding 401', async () => {
    const f = await closedFinal();
    const path = `/api/chair/rounds/${f.roundId}/deliberation`;
    expect((await f.request('GET', path, f.chairHeaders)).status).toBe(200);
    expect((await f.request('GET', path, f.device(f.jurors.find((j) => j !== f.chair)!))).status).toBe(403);
    expect((await f.request('GET', path, {})).status).toBe(401);
    expect((await f.request('GET', path, f.organiserHeaders)).status).toBe(401);
  });

  test('the chair of another competition gets 404 for this round', async () => {
    const f = await closedFinal();
    const other = Number(
      f.db.prepare("INSERT INTO competitions (name, starts_on, ends_on, languages, default_language, created_at) VALUES ('Other Cup', '2026-07-01', '2026-07-02', '[\"en\"]', 'en', '2026-01-01')").run().lastInsertRowid,
    );
    const chair = Number(
      f.db.prepare("INSERT INTO jurors (competition_id, name, is_chair, invite_token, created_at) VALUES (?, 'Other chair', 1, 'other-invite', '2026-01-01')").run(other).lastInsertRowid,
    );
    const headers = f.device(chair);
    expect((await f.request('GET', `/api/chair/rounds/${f.roundId}/deliberation`, headers)).status).toBe(404);
    expect((await f.request('POST', `/api/chair/rounds/${f.roundId}/snapshot`, headers)).status).toBe(404);
  });
});
