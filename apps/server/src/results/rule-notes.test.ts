import { DeliberationSchema, ResultsWinnersSchema, StartupPageSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { closedFinal, publishFinal } from './final-fixture.js';

type Fixture = Awaited<ReturnType<typeof closedFinal>>;
const csvLines = async (f: Fixture, lang: string) => {
  const res = await f.request('GET', `/api/competitions/${f.competitionId}/exports/results.csv?lang=${lang}`, f.organiserHeaders);
  expect(res.status).toBe(200);
  return (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
};

// The demo final as the fixture scores it: the two best startups are both Ecology and the demo
// allows one prize per axis, so the 2nd by score wins nothing, the 3rd takes the 2nd prize and the
// 4th the 3rd. Every output must say so, each in its own words.
describe('the prize rules where they act', () => {
  test('deliberation, startup pages, winners and the results CSV carry the same notes', async () => {
    const f = await closedFinal();
    const delib = DeliberationSchema.parse(await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders)).json());
    const byRank = [...delib.ranking].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
    const [first, second, third, fourth] = byRank as [typeof byRank[number], typeof byRank[number], typeof byRank[number], typeof byRank[number]];
    expect(first.axisCode).toBe(second.axisCode);
    expect(delib.selectionRules).toEqual({ count: 3, axisMin: 0, axisMax: 1 });
    expect(delib.ruleNotes).toEqual([
      { entrantId: second.entrantId, kind: 'skipped', rule: 'axis-max', rank: 2, place: null, heldByIds: [first.entrantId] },
      { entrantId: third.entrantId, kind: 'promoted', rule: 'axis-max', rank: 3, place: 2, heldByIds: [] },
      { entrantId: fourth.entrantId, kind: 'promoted', rule: 'axis-max', rank: 4, place: 3, heldByIds: [] },
    ]);

    await publishFinal(f);
    const tokenOf = (id: number) => f.entrants.find((e) => e.id === id)!.token;
    const page = async (id: number) => StartupPageSchema.parse(await (await f.request('GET', `/api/startup/${tokenOf(id)}`, {})).json()).result!;
    const skipped = await page(second.entrantId);
    expect(skipped.ruleNote).toEqual({ kind: 'skipped', rule: 'axis-max', rank: 2, place: null, heldBy: [first.name] });
    expect(skipped.rules).toEqual({ count: 3, axisMax: 1 });
    expect(skipped.award).toBeNull();
    // The winner's name, never its score.
    expect(JSON.stringify(skipped.ruleNote)).not.toMatch(/\d\.\d/);
    expect((await page(third.entrantId)).ruleNote).toEqual({ kind: 'promoted', rule: 'axis-max', rank: 3, place: 2, heldBy: [] });
    expect((await page(fourth.entrantId)).ruleNote).toMatchObject({ kind: 'promoted', place: 3 });
    expect((await page(first.entrantId)).ruleNote).toBeNull();

    const winners = ResultsWinnersSchema.parse(await (await f.request('GET', `/api/public/competitions/${f.competitionId}/winners`, {})).json());
    expect(winners.rules).toEqual({ count: 3, axisMax: 1 });

    const en = await csvLines(f, 'en');
    const row = (lines: string[], name: string) => lines.find((l) => l.split(';')[1] === name)!.split(';');
    expect(row(en, second.name)[8]).toBe(`2nd by score, no prize: at most one prize per axis, its axis already has ${first.name}`);
    expect(row(en, third.name)[8]).toBe('3rd by score, prize 2 under the one-prize-per-axis rule');
    expect(row(en, first.name)[8]).toBe('');
    const fr = await csvLines(f, 'fr');
    expect(row(fr, second.name)[8]).toBe(`2e au score, sans prix : un seul prix par axe, son axe a déjà ${first.name}`);
    expect(row(fr, fourth.name)[8]).toBe('4e au score, prix 3 par la règle d’un prix par axe');
    const ar = await csvLines(f, 'ar');
    expect(row(ar, second.name)[8]).toBe(`المرتبة 2 حسب النتيجة، دون جائزة: جائزة واحدة لكل محور، ومحورها نالها ${first.name}`);
  });

  test('a startup no rule acted on has no note anywhere', async () => {
    const f = await closedFinal({ tie: true });
    const delib = DeliberationSchema.parse(await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders)).json());
    expect(delib.ruleNotes).toEqual([]);
  });
});
