import type { ResultsWinners } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { closedFinal, publishFinal } from '../../results/final-fixture.js';

describe('public winners', () => {
  test('GET /api/public/competitions/:id/winners answers null until the results are published, the same for an unknown competition', async () => {
    const f = await closedFinal();
    const path = `/api/public/competitions/${f.competitionId}/winners`;
    const read = async (p: string) => {
      const res = await f.request('GET', p, {});
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await read(path)).toEqual({ status: 200, body: null });
    await f.request('POST', `/api/competitions/${f.competitionId}/results/${f.roundId}/snapshot`, f.organiserHeaders);
    expect(await read(path)).toEqual({ status: 200, body: null });
    expect(await read('/api/public/competitions/999/winners')).toEqual({ status: 200, body: null });
  });

  test('after publication, the three winners in prize order, one per axis, without a session', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const res = await f.request('GET', `/api/public/competitions/${f.competitionId}/winners`, {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as ResultsWinners;
    expect(body.places.map((p) => p.place)).toEqual([1, 2, 3]);
    const winners = body.places.flatMap((p) => p.winners);
    expect(new Set(winners.map((w) => w.axisCode)).size).toBe(3);
    const selected = (JSON.parse(f.db.prepare('SELECT result FROM result_snapshots').pluck().get() as string) as { selection: { selected: string[] } }).selection.selected;
    expect(winners.map((w) => String(w.entrantId))).toEqual(selected);
    expect(body.axes).toHaveLength(5);
    expect(JSON.stringify(body)).not.toMatch(/score|juror/i);
  });

  test('winners the chair ordered get distinct places', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    await f.request('POST', `/api/chair/rounds/${f.roundId}/decisions`, f.chairHeaders, { entrantIds: [d, c], reason: 'Stronger on stage' });
    await publishFinal(f);
    const body = (await (await f.request('GET', `/api/public/competitions/${f.competitionId}/winners`, {})).json()) as ResultsWinners;
    expect(body.places.map((p) => [p.place, p.exAequo, p.winners.length])).toEqual([[1, false, 1], [2, false, 1], [3, false, 1]]);
    expect(body.places[2]!.winners[0]!.entrantId).toBe(d);
  });
});
