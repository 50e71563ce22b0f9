import type { ResultsSnapshot, ResultsVerify } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { closedFinal } from '../../results/final-fixture.js';

type Fixture = Awaited<ReturnType<typeof closedFinal>>;

const base = (f: Fixture) => `/api/competitions/${f.competitionId}/results/${f.roundId}`;
const chairBase = (f: Fixture) => `/api/chair/rounds/${f.roundId}`;

/** What the screens do: "Sign" freezes the current result first, then signs it. */
async function sign(f: Fixture, role: 'chair' | 'organiser') {
  const [path, headers] = role === 'chair' ? [chairBase(f), f.chairHeaders] : [base(f), f.organiserHeaders];
  const snap = await f.request('POST', `${path}/snapshot`, headers);
  expect(snap.status).toBeLessThan(300);
  const res = await f.request('POST', `${path}/signoff`, headers);
  expect(res.status).toBe(201);
  return (await res.json()) as ResultsSnapshot;
}
const read = async (f: Fixture, role: 'chair' | 'organiser') => {
  const res = role === 'chair' ? await f.request('GET', `${chairBase(f)}/results`, f.chairHeaders) : await f.request('GET', base(f), f.organiserHeaders);
  expect(res.status).toBe(200);
  return (await res.json()) as ResultsSnapshot;
};
const verify = async (f: Fixture) => (await (await f.request('GET', `${base(f)}/verify`, f.organiserHeaders)).json()) as ResultsVerify;

describe('a correction after sign-off re-opens sign-off', () => {
  test('both signatures go out of date at once, verify says why, and signing again lets publication through', async () => {
    const f = await closedFinal();
    await sign(f, 'organiser');
    const signed = await sign(f, 'chair');
    expect(signed.stale).toBeNull();
    expect((await verify(f)).verdict).toBe('intact');

    const entrant = f.entrants[5]!.id;
    const correction = await f.request('POST', `${chairBase(f)}/corrections`, f.chairHeaders, { juror: 2, entrantId: entrant, criterion: 'team', value: 1, reason: 'typo confirmed by the juror' });
    expect(correction.status).toBe(201);
    const { oldValue } = (await correction.json()) as { oldValue: number };

    // Both sides read the same snapshot, out of date, with the logged correction: who, why, which cell.
    for (const role of ['chair', 'organiser'] as const) {
      const s = await read(f, role);
      expect(s.id).toBe(signed.id);
      expect(s.signoffs.map((x) => x.role).sort()).toEqual(['chair', 'organiser']);
      expect(s.stale).toEqual({
        changes: [
          expect.objectContaining({ kind: 'correction', byRole: 'chair', byName: expect.any(String), reason: 'typo confirmed by the juror', entrantIds: [entrant], juror: 2, criterion: 'team', oldValue, newValue: 1 }),
        ],
      });
    }
    // Publishing the signed but out-of-date snapshot is refused; verify calls it out of date, not tampered.
    const refused = await f.request('POST', `${base(f)}/publish`, f.organiserHeaders);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { details: [{ rule: 'snapshot-stale' }] } });
    const check = await verify(f);
    expect(check).toMatchObject({ verdict: 'stale', match: false, changes: [expect.objectContaining({ kind: 'correction', reason: 'typo confirmed by the juror' })] });

    // Signing again, from either side, takes a new snapshot; publication needs both signatures on it.
    const chairAgain = await sign(f, 'chair');
    expect(chairAgain.id).toBeGreaterThan(signed.id);
    expect(chairAgain.stale).toBeNull();
    expect(chairAgain.signoffs.map((x) => x.role)).toEqual(['chair']);
    expect((await f.request('POST', `${base(f)}/publish`, f.organiserHeaders)).status).toBe(409);
    const organiserAgain = await sign(f, 'organiser');
    expect(organiserAgain.id).toBe(chairAgain.id);
    const published = await f.request('POST', `${base(f)}/publish`, f.organiserHeaders);
    expect(published.status).toBe(200);
    expect(((await published.json()) as ResultsSnapshot).id).toBe(chairAgain.id);
    expect((await verify(f)).verdict).toBe('intact');
  });

  test('a tie decision revised after sign-off makes the snapshot out of date, naming the decision', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    expect((await f.request('POST', `${chairBase(f)}/decisions`, f.chairHeaders, { entrantIds: [d, c], reason: 'Stronger pitch on stage' })).status).toBe(201);
    await sign(f, 'chair');
    const signed = await sign(f, 'organiser');
    expect(signed.stale).toBeNull();
    expect((await f.request('POST', `${chairBase(f)}/decisions`, f.chairHeaders, { entrantIds: [c, d], reason: 'The jury revised its view after the replay' })).status).toBe(201);
    const s = await read(f, 'organiser');
    expect(s.stale?.changes).toEqual([expect.objectContaining({ kind: 'decision', byRole: 'chair', entrantIds: [c, d], reason: 'The jury revised its view after the replay', juror: null })]);
    expect((await verify(f)).verdict).toBe('stale');
    expect((await f.request('POST', `${base(f)}/publish`, f.organiserHeaders)).status).toBe(409);
  });

  test('a score edited directly in SQLite after sign-off is tampering, even beside a logged correction', async () => {
    const f = await closedFinal();
    await sign(f, 'organiser');
    await sign(f, 'chair');
    // Alone: nothing in the log explains it.
    const edit = f.db.prepare(
      'UPDATE scores SET value = CASE value WHEN 10 THEN 9 ELSE value + 1 END WHERE rowid = (SELECT s.rowid FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id WHERE sc.round_id = ? AND sc.entrant_id = ? LIMIT 1)',
    );
    edit.run(f.roundId, f.entrants[0]!.id);
    const tampered = await verify(f);
    expect(tampered).toMatchObject({ verdict: 'tampered', changes: [] });
    // With a logged correction elsewhere: the correction explains one cell, not the other.
    expect((await f.request('POST', `${chairBase(f)}/corrections`, f.chairHeaders, { juror: 3, entrantId: f.entrants[4]!.id, criterion: 'team', value: 1, reason: 'typo confirmed' })).status).toBe(201);
    expect((await verify(f)).verdict).toBe('tampered');
  });
});
