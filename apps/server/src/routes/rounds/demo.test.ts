import { NowPitchingSchema, RoundRankingResponseSchema, type RoundDetail } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { DEMO_PITCH_SEED, seedDemo } from '../../demo/seed-demo.js';
import { demoOrganiser } from '../../demo/demo-data.js';
import { login, testApp } from '../../test-utils.js';

async function demo() {
  const { app, db } = testApp();
  await seedDemo(db, new Date('2026-06-13T08:00:00Z'));
  const cookie = await login(app, demoOrganiser.email, demoOrganiser.password);
  const id = db.prepare('SELECT id FROM competitions').pluck().get() as number;
  const rounds = ((await (await app.request(`/api/competitions/${id}/rounds`, { headers: { cookie } })).json()) as { rounds: RoundDetail[] }).rounds;
  return { app, db, cookie, base: `/api/competitions/${id}`, rounds };
}

describe('the demo competition through the organiser API', () => {
  test('round 1 of the demo proposes 12 of 24 with two or three per axis, every skip explained', async () => {
    const { app, db, cookie, base, rounds } = await demo();
    const round1 = rounds.find((r) => r.kind === 'shortlist')!;
    const res = await app.request(`${base}/rounds/${round1.id}/ranking`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = RoundRankingResponseSchema.parse(await res.json());
    const selection = body.result.selection!;
    expect(selection.selected).toHaveLength(12);
    const axisOf = new Map(body.entrants.map((e) => [String(e.id), e.axisCode]));
    const perAxis = new Map<string, number>();
    for (const e of selection.selected) perAxis.set(axisOf.get(e)!, (perAxis.get(axisOf.get(e)!) ?? 0) + 1);
    expect(perAxis.size).toBe(5);
    for (const n of perAxis.values()) expect(n === 2 || n === 3).toBe(true);
    expect(body.explanations).toHaveLength(selection.skipped.length);
    const finalists = db.prepare("SELECT entrant_id FROM round_entrants re JOIN rounds r ON r.id = re.round_id WHERE r.kind = 'final' ORDER BY entrant_id").pluck().all();
    expect([...selection.selected].map(Number).sort((a, b) => a - b)).toEqual(finalists);
  });

  test('the demo final can be driven from the organiser controls in its seeded pitch order', async () => {
    const { app, db, cookie, base, rounds } = await demo();
    const final = rounds.find((r) => r.kind === 'final')!;
    const order = db.prepare('SELECT entrant_id FROM round_entrants WHERE round_id = ? ORDER BY pitch_position').pluck().all(final.id);
    expect(final.pitchSeed).toBe(DEMO_PITCH_SEED);
    const res = await app.request(`${base}/live/now-pitching`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"action":"next"}' });
    expect(res.status).toBe(200);
    expect(NowPitchingSchema.parse(await res.json()).entrantId).toBe(order[0]);
  });
});
