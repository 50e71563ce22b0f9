import { ErrorEnvelopeSchema, JurorAdminSchema, JurorListResponseSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { verifyChain } from '../../lib/event-log.js';
import { roundRankingInput } from '../../results/ranking-input.js';
import { dbDigest } from '../../test-utils.js';
import { bindTablet } from '../juror/juror.fixture.js';
import { smallCompetition, type Fixture } from '../rounds/competition-fixture.js';

const jurors = async (f: Fixture) => JurorListResponseSchema.parse(await (await f.call('GET', `${f.base}/jurors`)).json()).jurors;
const lastEvent = (f: Fixture, type: string) => JSON.parse(f.db.prepare('SELECT payload FROM events WHERE type = ? ORDER BY seq DESC').pluck().get(type) as string) as Record<string, unknown>;

/** Round 1 open, every juror assigned to every entrant, J1 has submitted green-1 and green-2. */
async function openRound(f: Fixture) {
  const round = (await (await f.call('POST', `${f.base}/rounds`, { kind: 'shortlist' })).json()) as { id: number };
  await f.call('PUT', `${f.base}/rounds/${round.id}/assignments`, { mode: 'all' });
  expect((await f.call('POST', `${f.base}/rounds/${round.id}/open`)).status).toBe(200);
  f.submit(round.id, f.juror(0), f.entrant('green-1'), 4);
  f.submit(round.id, f.juror(0), f.entrant('green-2'), 3);
  return round.id;
}

describe("editing, removing and replacing jurors", () => {
  test("PATCH changes a juror's name, title and e-mail and logs it; a malformed e-mail is 400 and writes nothing", async () => {
    const f = await smallCompetition();
    const res = await f.call('PATCH', `${f.base}/jurors/${f.juror(1)}`, { name: 'Karima Alaoui', title: 'Présidence du jury', email: 'karima@example.com' });
    expect(res.status).toBe(200);
    expect(JurorAdminSchema.parse(await res.json())).toMatchObject({ name: 'Karima Alaoui', title: 'Présidence du jury', email: 'karima@example.com' });
    expect(lastEvent(f, 'juror.updated')).toMatchObject({ jurorId: f.juror(1), changes: { name: 'Karima Alaoui' } });
    const before = dbDigest(f.db);
    const bad = await f.call('PATCH', `${f.base}/jurors/${f.juror(1)}`, { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await bad.json()).error.details[0]?.path).toBe('email');
    expect(dbDigest(f.db)).toBe(before);
  });

  test('a juror without scorecards is removed with their assignments and logged; one who has scored is refused with 409', async () => {
    const f = await smallCompetition();
    const roundId = await openRound(f);
    const removed = await f.call('DELETE', `${f.base}/jurors/${f.juror(2)}`);
    expect(removed.status).toBe(204);
    expect((await jurors(f)).map((j) => j.name)).toEqual(['J1', 'J2']);
    expect(f.db.prepare('SELECT COUNT(*) FROM assignments WHERE round_id = ? AND juror_id = ?').pluck().get(roundId, f.juror(2))).toBe(0);
    expect(lastEvent(f, 'juror.removed')).toMatchObject({ jurorId: f.juror(2), name: 'J3' });

    const before = dbDigest(f.db);
    const refused = await f.call('DELETE', `${f.base}/jurors/${f.juror(0)}`);
    expect(refused.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await refused.json()).error.details[0]?.rule).toBe('has_scorecards');
    expect(dbDigest(f.db)).toBe(before);
  });

  test("a replacement takes over the juror's unfinished assignments with a new link; the juror's scorecards stay and their link and tablets stop working", async () => {
    const f = await smallCompetition();
    const roundId = await openRound(f);
    const { cookie: oldTablet } = await bindTablet(f.app, `invite-${f.id}-0`);

    const res = await f.call('POST', `${f.base}/jurors/${f.juror(0)}/replace`, { name: 'Nadia Berrada', title: 'Investisseuse', reason: 'Hospitalisé, ne peut pas finir' });
    expect(res.status).toBe(201);
    const nadia = JurorAdminSchema.parse(await res.json());
    expect(nadia).toMatchObject({ name: 'Nadia Berrada', replaces: { id: f.juror(0), name: 'J1' }, scorecards: 0 });
    expect(nadia.invitePath).not.toBe(`/j/invite-${f.id}-0`);

    const j1 = (await jurors(f)).find((j) => j.id === f.juror(0))!;
    expect(j1).toMatchObject({ replacedBy: { id: nadia.id, name: 'Nadia Berrada' }, scorecards: 2, bindings: { active: 0, locked: 0 } });
    expect(j1.replacedAt).not.toBeNull();

    const assigned = (juror: number) => f.db.prepare('SELECT COUNT(*) FROM assignments WHERE round_id = ? AND juror_id = ?').pluck().get(roundId, juror);
    expect([assigned(f.juror(0)), assigned(nadia.id)]).toEqual([2, 6]);
    // J1's two submitted scorecards still count.
    expect(roundRankingInput(f.db, roundId).evaluations.filter((e) => e.juror === String(f.juror(0)))).toHaveLength(2);

    // The old tablet is revoked, the old link binds nothing, the new one binds Nadia's tablet.
    expect((await f.app.request('/api/juror/state', { headers: { cookie: oldTablet } })).status).toBe(401);
    const oldLink = await f.app.request('/api/juror/bind', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inviteToken: `invite-${f.id}-0` }) });
    expect(oldLink.status).toBe(404);
    const { body } = await bindTablet(f.app, nadia.invitePath.replace('/j/', ''));
    expect(body.juror.name).toBe('Nadia Berrada');

    expect(lastEvent(f, 'juror.replaced')).toMatchObject({ jurorId: f.juror(0), replacementId: nadia.id, reason: 'Hospitalisé, ne peut pas finir', assignmentsMoved: 6 });
    expect(verifyChain(f.db).ok).toBe(true);

    const again = await f.call('POST', `${f.base}/jurors/${f.juror(0)}/replace`, { name: 'Someone', reason: 'Once more' });
    expect(again.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await again.json()).error.details[0]?.rule).toBe('already_replaced');
  });

  test('the chair cannot be removed or replaced once the rules are locked (409 CHAIR_FIXED)', async () => {
    const f = await smallCompetition();
    f.db.prepare('UPDATE jurors SET is_chair = 1 WHERE id = ?').run(f.juror(1));
    await openRound(f);
    const before = dbDigest(f.db);
    for (const res of [
      await f.call('DELETE', `${f.base}/jurors/${f.juror(1)}`),
      await f.call('POST', `${f.base}/jurors/${f.juror(1)}/replace`, { name: 'Other', reason: 'Would sign instead' }),
    ]) {
      expect(res.status).toBe(409);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('CHAIR_FIXED');
    }
    expect(dbDigest(f.db)).toBe(before);
  });
});
