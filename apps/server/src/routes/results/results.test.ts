import type { ResultsEventLogCheck, ResultsSnapshot, ResultsVerify } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { computeRanking } from '../../results/compute.js';
import { closedFinal } from '../../results/final-fixture.js';
import { roundRankingInput } from '../../results/ranking-input.js';
import { insertOrganiser, login } from '../../test-utils.js';

type Fixture = Awaited<ReturnType<typeof closedFinal>>;
const base = (f: Fixture) => `/api/competitions/${f.competitionId}/results/${f.roundId}`;
const snapshot = async (f: Fixture) => {
  const res = await f.request('POST', `${base(f)}/snapshot`, f.organiserHeaders);
  expect(res.status).toBe(201);
  return (await res.json()) as ResultsSnapshot;
};

describe('snapshot, sign-off and publication', () => {
  test('a snapshot freezes method, rubric version, decisions, fingerprint, input and result', async () => {
    const f = await closedFinal();
    const s = await snapshot(f);
    expect(s).toMatchObject({ roundId: f.roundId, method: 'satm', rubricVersion: 1, chairDecisions: [], publishedAt: null, signoffs: [] });
    expect(s.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(s.result['fingerprint']).toBe(s.fingerprint);
    expect((s.input['evaluations'] as unknown[]).length).toBe(f.db.prepare("SELECT COUNT(*) FROM scorecards WHERE round_id = ? AND status = 'submitted'").pluck().get(f.roundId));
    expect(f.db.prepare("SELECT COUNT(*) FROM events WHERE type = 'results.snapshot'").pluck().get()).toBe(1);
    // Nothing changed: taking it again returns the same snapshot.
    const again = await f.request('POST', `${base(f)}/snapshot`, f.organiserHeaders);
    expect(again.status).toBe(200);
    expect(((await again.json()) as ResultsSnapshot).id).toBe(s.id);
  });

  test('publication needs both sign-offs (409 otherwise), then publishes and logs each step', async () => {
    const f = await closedFinal();
    await snapshot(f);
    const none = await f.request('POST', `${base(f)}/publish`, f.organiserHeaders);
    expect(none.status).toBe(409);
    expect(await none.json()).toMatchObject({ error: { code: 'CONFLICT', details: [{ rule: 'signoff-missing' }, { rule: 'signoff-missing' }] } });
    expect((await f.request('POST', `${base(f)}/signoff`, f.organiserHeaders)).status).toBe(201);
    const one = await f.request('POST', `${base(f)}/publish`, f.organiserHeaders);
    expect(one.status).toBe(409);
    expect(await one.json()).toMatchObject({ error: { details: [{ rule: 'signoff-missing', message: 'chair has not signed' }] } });
    expect(f.db.prepare('SELECT published_at FROM result_snapshots').pluck().get()).toBeNull();
    expect((await f.request('POST', `/api/chair/rounds/${f.roundId}/signoff`, f.chairHeaders)).status).toBe(201);
    const pushed: unknown[] = [];
    f.live.subscribe(f.competitionId, (e) => pushed.push(e));
    const published = await f.request('POST', `${base(f)}/publish`, f.organiserHeaders);
    expect(published.status).toBe(200);
    const body = (await published.json()) as ResultsSnapshot;
    expect(body.publishedAt).not.toBeNull();
    expect(body.signoffs.map((s) => s.role).sort()).toEqual(['chair', 'organiser']);
    expect(f.db.prepare('SELECT state FROM rounds WHERE id = ?').pluck().get(f.roundId)).toBe('confirmed');
    expect(pushed).toEqual([{ type: 'results-published', data: { roundId: f.roundId, snapshotId: body.id } }]);
    const types = f.db.prepare("SELECT type FROM events WHERE type LIKE 'results.%' ORDER BY seq").pluck().all();
    expect(types).toEqual(['results.snapshot', 'results.signed', 'results.signed', 'results.published']);
    // Published results no longer change.
    expect((await f.request('POST', `/api/chair/rounds/${f.roundId}/corrections`, f.chairHeaders, { juror: 1, entrantId: f.entrants[0]!.id, criterion: 'impact', value: 5, reason: 'too late' })).status).toBe(409);
  });

  test('one person cannot sign twice: one sign-off per role, and not the same person in both roles', async () => {
    const f = await closedFinal();
    await snapshot(f);
    expect((await f.request('POST', `${base(f)}/signoff`, f.organiserHeaders)).status).toBe(201);
    const twice = await f.request('POST', `${base(f)}/signoff`, f.organiserHeaders);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { details: [{ rule: 'already-signed' }] } });
    // A second organiser account cannot add a second organiser sign-off either.
    const other = await insertOrganiser(f.db, 'second@example.com');
    f.db.prepare('INSERT INTO competition_organisers (competition_id, user_id) VALUES (?, ?)').run(f.competitionId, other.id);
    const cookie = await login(f.app, other.email, other.password);
    expect((await f.request('POST', `${base(f)}/signoff`, { cookie })).status).toBe(409);
    // The chair's tablet belongs to the organiser who signed (same e-mail): refused.
    f.db.prepare('UPDATE jurors SET email = ? WHERE id = ?').run('ORGANISATEUR@palmares.example', f.chair);
    const same = await f.request('POST', `/api/chair/rounds/${f.roundId}/signoff`, f.chairHeaders);
    expect(same.status).toBe(409);
    expect(await same.json()).toMatchObject({ error: { details: [{ rule: 'same-person' }] } });
    expect(f.db.prepare('SELECT COUNT(*) FROM signoffs').pluck().get()).toBe(1);
  });

  test('a sign-off on a snapshot the scores have since left behind is refused', async () => {
    const f = await closedFinal();
    await snapshot(f);
    const res = await f.request('POST', `/api/chair/rounds/${f.roundId}/corrections`, f.chairHeaders, { juror: 2, entrantId: f.entrants[5]!.id, criterion: 'team', value: 1, reason: 'confirmed typo' });
    expect(res.status).toBe(201);
    const stale = await f.request('POST', `${base(f)}/signoff`, f.organiserHeaders);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { details: [{ rule: 'snapshot-stale' }] } });
  });
});

describe('verification', () => {
  test('verify recomputes the same fingerprint and result; a score edited in SQLite shows as a mismatch', async () => {
    const f = await closedFinal();
    const s = await snapshot(f);
    const ok = (await (await f.request('GET', `${base(f)}/verify`, f.organiserHeaders)).json()) as ResultsVerify;
    expect(ok).toMatchObject({ snapshotId: s.id, fingerprintMatches: true, resultMatches: true, match: true, recomputedFingerprint: s.fingerprint });
    // The chair's tablet gets the same answer.
    expect(await (await f.request('GET', `/api/chair/rounds/${f.roundId}/verify`, f.chairHeaders)).json()).toEqual(ok);

    f.db.prepare('UPDATE scores SET value = CASE value WHEN 10 THEN 9 ELSE value + 1 END WHERE rowid = (SELECT s.rowid FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id WHERE sc.round_id = ? LIMIT 1)').run(f.roundId);
    const bad = (await (await f.request('GET', `${base(f)}/verify`, f.organiserHeaders)).json()) as ResultsVerify;
    expect(bad.fingerprintMatches).toBe(false);
    expect(bad.match).toBe(false);
    expect(bad.storedFingerprint).toBe(s.fingerprint);
  });

  test('the event log verifies end to end, and an entry edited directly in SQLite is caught', async () => {
    const f = await closedFinal();
    await snapshot(f);
    const path = `/api/competitions/${f.competitionId}/results/event-log/verify`;
    const ok = (await (await f.request('GET', path, f.organiserHeaders)).json()) as ResultsEventLogCheck;
    expect(ok).toMatchObject({ ok: true, brokenAt: null });
    expect(ok.entries).toBeGreaterThan(100);
    // The triggers refuse an UPDATE; an attacker holding the file drops them first.
    expect(() => f.db.prepare("UPDATE events SET actor = 'juror:99' WHERE seq = 50").run()).toThrow(/append-only/);
    f.db.exec('DROP TRIGGER events_no_update');
    f.db.prepare("UPDATE events SET payload = '{\"roundId\":1,\"entrantId\":3,\"scores\":{}}' WHERE seq = 50").run();
    const broken = (await (await f.request('GET', path, f.organiserHeaders)).json()) as ResultsEventLogCheck;
    expect(broken).toMatchObject({ ok: false, brokenAt: 50 });
    expect(await (await f.request('GET', '/api/chair/event-log/verify', f.chairHeaders)).json()).toEqual(broken);
  });

  test('an organiser of another competition gets 404 on every results route', async () => {
    const f = await closedFinal();
    const other = await insertOrganiser(f.db, 'other@example.com');
    const cookie = await login(f.app, other.email, other.password);
    for (const [method, path] of [['POST', `${base(f)}/snapshot`], ['GET', base(f)], ['POST', `${base(f)}/signoff`], ['POST', `${base(f)}/publish`], ['GET', `${base(f)}/verify`]] as const) {
      expect((await f.request(method, path, { cookie })).status).toBe(404);
    }
  });

  test('a shortlist snapshot stored by the rounds screen (raw decision rows) verifies too', async () => {
    const f = await closedFinal();
    const round1 = f.db.prepare("SELECT id FROM rounds WHERE kind = 'shortlist'").pluck().get() as number;
    const [a, b] = f.db.prepare('SELECT entrant_id FROM round_entrants WHERE round_id = ? LIMIT 2').pluck().all(round1) as number[];
    f.db.prepare("INSERT INTO chair_decisions (round_id, entrant_order, reason, decided_by, created_at) VALUES (?, ?, 'order', 'user:1', 'x')").run(round1, JSON.stringify([b, a]));
    const row = f.db.prepare('SELECT * FROM chair_decisions WHERE round_id = ?').get(round1);
    const input = roundRankingInput(f.db, round1, { chairOrder: [String(b), String(a)] });
    const result = computeRanking(input);
    f.db.prepare("INSERT INTO result_snapshots (round_id, method, rubric_version, fingerprint, input, result, chair_decisions, created_at) VALUES (?, 'satm', 1, ?, ?, ?, ?, 'x')")
      .run(round1, result.fingerprint, JSON.stringify(input), JSON.stringify(result), JSON.stringify([row]));
    const check = (await (await f.request('GET', `/api/competitions/${f.competitionId}/results/${round1}/verify`, f.organiserHeaders)).json()) as ResultsVerify;
    expect(check).toMatchObject({ fingerprintMatches: true, resultMatches: true, match: true });
  });
});
