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
    expect(lines[0]).toBe('round;juror;startup;axis;status;innovation (×25);impact (×20);feasibility (×15);market (×15);team (×15);pitch (×10);total;corrections;feedback;submitted_at');
    const cards = f.db.prepare('SELECT COUNT(*) FROM scorecards').pluck().get() as number;
    const recusals = lines.filter((l) => l.split(';')[4] === 'recused');
    expect(recusals.length).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(cards + recusals.length);
    expect(lines.some((l) => /;\d+,\d\d;/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes('pitch: ') && l.includes('→ 1 (wrong startup; confirmed)'))).toHaveLength(1);
    const en = await (await f.request('GET', `/api/competitions/${f.competitionId}/exports/scorecards.csv?lang=en`, f.organiserHeaders)).text();
    expect(en).toMatch(/;\d+\.\d\d;/);
  });

  test('results.csv: the published ranking with prizes and the fingerprint', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const res = await f.request('GET', `/api/competitions/${f.competitionId}/exports/results.csv`, f.organiserHeaders);
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank;startup;axis;score (satm);raw_mean;scorecards;trimmed;prize;skipped');
    expect(lines.slice(1, 13).map((l) => l.split(';')[0])).toEqual(expect.arrayContaining(['1']));
    expect(lines.filter((l) => /;[123];[^;]*$/.test(l))).toHaveLength(3);
    const fingerprint = f.db.prepare('SELECT fingerprint FROM result_snapshots').pluck().get() as string;
    expect(lines).toContain(`fingerprint ${fingerprint}`);
    expect(lines[1]).toMatch(/^1;[^;]+;[a-z]+;\d+,\d+;\d+,\d+;8;2;1;$/);
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
