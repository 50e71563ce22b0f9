import { CompetitionStepsSchema, ConfirmShortlistResponseSchema, ErrorEnvelopeSchema, type CompetitionSteps } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { closedFinal } from '../../results/final-fixture.js';
import { dbDigest, insertOrganiser, login, postJson, testApp } from '../../test-utils.js';
import { scoreRound1, smallCompetition, type Fixture } from '../rounds/competition-fixture.js';

const EVENT = { name: 'Smart City 2027', startsOn: '2027-06-08', endsOn: '2027-06-10', languages: ['fr', 'ar'], defaultLanguage: 'fr' };

const stepsOf = async (f: Pick<Fixture, 'call' | 'base'>) => {
  const res = await f.call('GET', `${f.base}/steps`);
  expect(res.status).toBe(200);
  return CompetitionStepsSchema.parse(await res.json());
};
const stepOf = (steps: CompetitionSteps, key: string) => steps.steps.find((s) => s.key === key)!;
const rulesOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => d.rule);

/** Round 1 scored, closed and confirmed (4 finalists): the final waits in draft, the shortlist unpublished. */
async function confirmedShortlist() {
  const f = await smallCompetition({ entrantsPerAxis: { green: 4, city: 2, social: 2 }, jurors: 3 });
  f.db.prepare('UPDATE jurors SET is_chair = 1 WHERE id = ?').run(f.juror(0));
  await f.call('PUT', `${f.base}/settings`, {
    name: 'Test Cup', startsOn: '2026-06-13', endsOn: '2026-06-14', languages: ['fr', 'en'], defaultLanguage: 'fr',
    method: 'satm', trim: 'auto', awards: { count: 1, axisMax: null }, shortlist: { size: 4, axisMin: 0, axisMax: null },
  });
  const round1 = await scoreRound1(f, { 'green-1': [5, 5], 'green-2': [5, 4], 'city-1': [4, 5], 'social-1': [4, 4] });
  const confirmed = ConfirmShortlistResponseSchema.parse(await (await f.call('POST', `${f.base}/rounds/${round1}/confirm`)).json());
  expect((await f.call('PUT', `${f.base}/live/pitch-order`, { draw: true })).status).toBe(200);
  return { f, round1, finalId: confirmed.finalRoundId };
}

describe('the competition’s steps', () => {
  test('a competition just created has set-up next, the defaults in place, every later step to do', async () => {
    const { app, db } = testApp();
    const org = await insertOrganiser(db);
    const cookie = await login(app, org.email, org.password);
    const created = (await (await postJson(app, '/api/competitions', EVENT, { cookie })).json()) as { id: number };
    const call = (method: string, path: string, body?: unknown) =>
      app.request(path, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const base = `/api/competitions/${created.id}`;
    const steps = await stepsOf({ call, base });
    expect(steps.next).toBe('setup');
    expect(steps.steps.map((s) => [s.key, s.state])).toEqual([
      ['setup', 'next'], ['entrants', 'todo'], ['jurors', 'todo'], ['round1', 'todo'],
      ['shortlist', 'todo'], ['final', 'todo'], ['deliberation', 'todo'], ['publication', 'todo'],
    ]);
    expect(stepOf(steps, 'setup')).toMatchObject({ status: 'defaults', figures: { axes: 5, criteria: 6 }, warnings: [] });

    // Saving the set-up once (defaults kept) moves on to the entrants.
    const saved = await call('PUT', `${base}/settings`, { ...EVENT, venue: '', method: 'satm', trim: 'auto', awards: { count: 3, axisMax: null }, shortlist: { size: 12, axisMin: 0, axisMax: null } });
    expect(saved.status).toBe(200);
    const after = await stepsOf({ call, base });
    expect(stepOf(after, 'setup')).toMatchObject({ state: 'done', status: 'reviewed' });
    expect(after.next).toBe('entrants');
  });

  test('another organiser’s competition answers 404', async () => {
    const f = await smallCompetition();
    const other = await f.otherCookie();
    expect((await f.call('GET', `${f.base}/steps`, undefined, other)).status).toBe(404);
  });

  test('jurors without a chair are not done: the step warns that nobody could sign the results', async () => {
    const f = await smallCompetition();
    const steps = await stepsOf(f);
    expect(stepOf(steps, 'jurors')).toMatchObject({ state: 'next', status: 'no_chair', figures: { jurors: 3 }, warnings: [expect.objectContaining({ rule: 'no_chair' })] });
  });
});

describe('the guards: the action itself refuses what the step list warns about', () => {
  test('round 1 does not open while a conflict declared after the assignment leaves an entrant fewer scorecards than assigned', async () => {
    const f = await smallCompetition({ entrantsPerAxis: { green: 2, city: 2 }, jurors: 3 });
    f.db.prepare("UPDATE jurors SET is_chair = 1 WHERE id = ?").run(f.juror(0));
    const round = (await (await f.call('POST', `${f.base}/rounds`, { kind: 'shortlist' })).json()) as { id: number };
    const r = `${f.base}/rounds/${round.id}`;
    expect((await f.call('PUT', `${r}/assignments`, { mode: 'balanced', perEntrant: 2 })).status).toBe(200);
    const [pair] = f.db.prepare('SELECT juror_id AS j, entrant_id AS e FROM assignments WHERE round_id = ? ORDER BY entrant_id LIMIT 1').all(round.id) as { j: number; e: number }[];
    f.db.prepare("INSERT INTO recusals (competition_id, juror_id, entrant_id, reason, declared_at) VALUES (?, ?, ?, 'cousin', 'x')").run(f.id, pair!.j, pair!.e);

    const warned = stepOf(await stepsOf(f), 'round1');
    expect(warned).toMatchObject({ state: 'next', status: 'draft' });
    expect(warned.warnings).toEqual([expect.objectContaining({ rule: 'fewer_scorecards', path: `entrants.${pair!.e}`, params: { entrantId: pair!.e, count: 1, max: 2 } })]);

    const before = dbDigest(f.db);
    const refused = await f.call('POST', `${r}/open`);
    expect(refused.status).toBe(409);
    expect(await rulesOf(refused)).toEqual(['fewer_scorecards']);
    expect(dbDigest(f.db)).toBe(before);

    // Assigning again around the conflict clears it.
    expect((await f.call('PUT', `${r}/assignments`, { mode: 'balanced', perEntrant: 2 })).status).toBe(200);
    expect(stepOf(await stepsOf(f), 'round1').warnings).toEqual([]);
    expect((await f.call('POST', `${r}/open`)).status).toBe(200);
  });

  test('the final does not open while the confirmed shortlist is unpublished; publishing it lets it open', async () => {
    const { f, round1, finalId } = await confirmedShortlist();
    const steps = await stepsOf(f);
    expect(steps.next).toBe('shortlist');
    expect(stepOf(steps, 'shortlist')).toMatchObject({ status: 'to_publish', warnings: [expect.objectContaining({ rule: 'shortlist_unpublished' })] });
    expect(stepOf(steps, 'final').warnings.map((w) => w.rule)).toEqual(['shortlist_unpublished']);

    const before = dbDigest(f.db);
    const refused = await f.call('POST', `${f.base}/rounds/${finalId}/open`);
    expect(refused.status).toBe(409);
    expect(await rulesOf(refused)).toEqual(['shortlist_unpublished']);
    expect(dbDigest(f.db)).toBe(before);

    expect((await f.call('POST', `${f.base}/rounds/${round1}/publish`)).status).toBe(200);
    const published = await stepsOf(f);
    expect(published.next).toBe('final');
    expect(stepOf(published, 'final')).toMatchObject({ state: 'next', status: 'draft', warnings: [] });
    expect((await f.call('POST', `${f.base}/rounds/${finalId}/open`)).status).toBe(200);
  });

  test('results are not published while the finalists’ own pages still say "registered"', async () => {
    const f = await closedFinal();
    const token = f.entrants[0]!.token;
    f.db.prepare("UPDATE rounds SET published_at = NULL WHERE kind = 'shortlist'").run();
    const base = `/api/competitions/${f.competitionId}/results/${f.roundId}`;
    expect((await f.request('POST', `${base}/snapshot`, f.organiserHeaders)).status).toBe(201);
    expect((await f.request('POST', `${base}/signoff`, f.organiserHeaders)).status).toBe(201);
    expect((await f.request('POST', `/api/chair/rounds/${f.roundId}/signoff`, f.chairHeaders)).status).toBe(201);
    const page = async () => ((await (await f.app.request(`/api/startup/${token}`)).json()) as { status: string }).status;
    expect(await page()).toBe('registered');

    const steps = CompetitionStepsSchema.parse(await (await f.request('GET', `/api/competitions/${f.competitionId}/steps`, f.organiserHeaders)).json());
    expect(stepOf(steps, 'publication').warnings.map((w) => w.rule)).toEqual(['shortlist_unpublished']);
    const before = dbDigest(f.db);
    const refused = await f.request('POST', `${base}/publish`, f.organiserHeaders);
    expect(refused.status).toBe(409);
    expect(await rulesOf(refused)).toEqual(['shortlist_unpublished']);
    expect(dbDigest(f.db)).toBe(before);

    f.db.prepare("UPDATE rounds SET published_at = '2026-06-13T20:00:00Z' WHERE kind = 'shortlist'").run();
    expect((await f.request('POST', `${base}/publish`, f.organiserHeaders)).status).toBe(200);
    expect(await page()).toBe('results');
    const done = CompetitionStepsSchema.parse(await (await f.request('GET', `/api/competitions/${f.competitionId}/steps`, f.organiserHeaders)).json());
    expect(done.next).toBeNull();
    expect(done.steps.every((s) => s.state === 'done')).toBe(true);
  });
});
