import type { Deliberation } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { closedFinal } from '../../results/final-fixture.js';

type Fixture = Awaited<ReturnType<typeof closedFinal>>;
const deliberation = async (f: Fixture) => {
  const res = await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders);
  expect(res.status).toBe(200);
  return (await res.json()) as Deliberation;
};

describe('the robustness banner for a jury (issue 15 point 4)', () => {
  test('each juror whose absence changes the prizes comes with the places that change and who would take them', async () => {
    const d = await deliberation(await closedFinal());
    const r = d.robustness!;
    const leaving = r.reasons.filter((x) => x.code === 'LEAVE_ONE_OUT_CHANGES_SELECTION').map((x) => x.juror!).sort((a, b) => a - b);
    expect(r.leaveOneOutChanges.map((l) => l.juror)).toEqual(leaving);
    const selected = d.selection.selectedIds;
    for (const l of r.leaveOneOutChanges) {
      expect(l.changes.length).toBeGreaterThan(0);
      for (const c of l.changes) {
        expect(c.officialId).toBe(selected[c.place - 1] ?? null);
        expect(c.insteadId).not.toBe(c.officialId);
        const without = r.leaveOneJurorOut.find((x) => x.juror === l.juror)!.outcome!;
        expect(without.selectedIds[c.place - 1] ?? null).toBe(c.insteadId);
      }
    }
    expect(r.winner).toMatchObject({ entrantId: d.ranking[0]!.entrantId });
    expect(r.winner!.pFirst).toBeGreaterThan(0);
  });

  test('the harsh and the lenient juror are the ones with the most negative and the most positive offset', async () => {
    const d = await deliberation(await closedFinal());
    const byOffset = [...d.jurors].sort((a, b) => a.offset!.value - b.offset!.value);
    expect(d.jurors.filter((j) => j.severity === 'harsh').map((j) => j.number)).toEqual([byOffset[0]!.number]);
    expect(d.jurors.filter((j) => j.severity === 'lenient').map((j) => j.number)).toEqual([byOffset.at(-1)!.number]);
  });

  test('an open tie comes with the rules the chain tried, in order; once the chair settles it, it is not flagged again', async () => {
    const f = await closedFinal({ tie: true });
    const open = await deliberation(f);
    expect(open.tieRules).toEqual([...open.criteria].map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map(({ c }) => `criterion:${c.code}`).concat(['head-to-head', 'countback']));
    expect(open.robustness!.reasons.map((x) => x.code)).toContain('PENDING_CHAIR_DECISION');
    const [c, d] = f.tied!;
    const settle = await f.request('POST', `/api/chair/rounds/${f.roundId}/decisions`, f.chairHeaders, { entrantIds: [c, d], reason: 'Clearer business model' });
    expect(settle.status).toBeLessThan(300);
    const settled = await deliberation(f);
    expect(settled.tieRules.at(-1)).toBe('chair');
    expect(settled.robustness!.reasons).toEqual([]);
    expect(settled.robustness!.banner).toBe('ROBUST');
  });
});
