import { describe, expect, test } from 'vitest';
import { closedFinal, publishFinal } from '../../results/final-fixture.js';
import { insertOrganiser, login } from '../../test-utils.js';

describe('CSV exports', () => {
  test('scorecards.csv: BOM, semicolons, every scorecard and every recusal, decimal commas in French, corrections kept', async () => {
    const f = await closedFinal();
    await f.request('POST', `/api/chair/rounds/${f.roundId}/corrections`, f.chairHeaders, { juror: 1, entrantId: f.entrants[1]!.id, criterion: 'pitch', value: 1, reason: 'wrong startup; confirmed' });
    const res = await f.request('GET', `/api/competitions/${f.competitionId}/exports/scorecards.csv?lang=fr`, f.organiserHeaders);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('round;juror;startup;axis;status;innovation (×25);impact (×20);feasibility (×15);market (×15);team (×15);pitch (×10);total;corrections;feedback;submitted_at;log_check');
    const cards = f.db.prepare('SELECT COUNT(*) FROM scorecards').pluck().get() as number;
    const recusals = lines.filter((l) => l.split(';')[4] === 'recused');
    expect(recusals.length).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(cards + recusals.length);
    expect(lines.some((l) => /;\d+,\d\d;/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes('pitch: ') && l.includes('→ 1 (wrong startup; confirmed)'))).toHaveLength(1);
    const en = await (await f.request('GET', `/api/competitions/${f.competitionId}/exports/scorecards.csv?lang=en`, f.organiserHeaders)).text();
    expect(en).toMatch(/;\d+\.\d\d;/);
  });

  test('results.csv: the published ranking with prizes and the fingerprint, in the competition’s language by default', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const res = await f.request('GET', `/api/competitions/${f.competitionId}/exports/results.csv`, f.organiserHeaders);
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    // The demo's language is French: headers, axes and words in French.
    expect(lines[0]).toBe('rang;startup;axe;score (moyenne réduite corrigée de la sévérité);moyenne brute;grilles;écartées;prix;règle appliquée;décision de la présidence');
    expect(lines.slice(1, 13).map((l) => l.split(';')[0])).toEqual(expect.arrayContaining(['1']));
    expect(lines.slice(1, 13).filter((l) => /^[^;]*;[^;]*;[^;]*;[^;]*;[^;]*;[^;]*;[^;]*;[123];/.test(l))).toHaveLength(3);
    const fingerprint = f.db.prepare('SELECT fingerprint FROM result_snapshots').pluck().get() as string;
    expect(lines).toContain(`empreinte ${fingerprint}`);
    expect(lines[1]).toMatch(/^1;[^;]+;Écologie[^;]*;\d+,\d+;\d+,\d+;8;2;1;;$/);
  });

  test('results.csv in the export’s language: headers, axes, methods and yes/no in English or Arabic; the screen’s decimals', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const get = async (query: string) => (await (await f.request('GET', `/api/competitions/${f.competitionId}/exports/results.csv?${query}`, f.organiserHeaders)).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const en = await get('lang=en');
    expect(en[0]).toBe('rank;startup;axis;score (severity-adjusted trimmed mean);raw mean;scorecards;trimmed;prize;rule applied;chair’s decision');
    expect(en[1]).toMatch(/^1;[^;]+;Ecology[^;]*;\d+\.\d+;\d+\.\d+;8;2;1;;$/);
    expect(en.some((l) => l.startsWith('published '))).toBe(true);
    const ar = await get('lang=ar');
    expect(ar[0]).toBe('الرتبة;الشركة الناشئة;المحور;النتيجة (متوسط مشذّب معدّل حسب الصرامة);المتوسط الخام;الاستمارات;المستبعدة;الجائزة;القاعدة المطبقة;قرار الرئاسة');
    // Latin digits with the decimal comma, as the Arabic screens write them; the axis in Arabic.
    expect(ar[1]).toMatch(/^1;[^;]+;[\u0600-\u06FF][^;]*;\d+,\d+;\d+,\d+;8;2;1;;$/);
    const shortlist = await get('lang=en&round=shortlist');
    expect(shortlist[0]).toContain(';selected;');
    expect(shortlist.filter((l) => l.split(';')[7] === 'yes')).toHaveLength(12);
    const fr = await get('lang=fr&round=shortlist');
    expect(fr.filter((l) => l.split(';')[7] === 'oui')).toHaveLength(12);
    // Each score as the ranking displays it: two places that differ never read the same.
    const scores = en.slice(1, 13).map((l) => l.split(';')).map((c) => [c[0], c[3]]);
    for (let i = 1; i < scores.length; i++) if (scores[i]![0] !== scores[i - 1]![0]) expect(scores[i]![1]).not.toBe(scores[i - 1]![1]);
  });

  test('exports are for the competition’s organisers only', async () => {
    const f = await closedFinal();
    const other = await insertOrganiser(f.db, 'other@example.com');
    const cookie = await login(f.app, other.email, other.password);
    expect((await f.request('GET', `/api/competitions/${f.competitionId}/exports/scorecards.csv`, { cookie })).status).toBe(404);
    expect((await f.request('GET', `/api/competitions/${f.competitionId}/exports/results.csv`, {})).status).toBe(401);
    expect((await f.request('GET', `/api/competitions/${f.competitionId}/exports/results.csv`, f.chairHeaders)).status).toBe(401);
  });
});
