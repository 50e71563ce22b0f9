import type { Deliberation, ResultsVerify } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { appendEvent } from '../../lib/event-log.js';
import { closedFinal } from '../../results/final-fixture.js';
import { loggedEvaluations, scoreLog } from '../../results/score-log.js';

type Fixture = Awaited<ReturnType<typeof closedFinal>>;
const base = (f: Fixture) => `/api/competitions/${f.competitionId}/results/${f.roundId}`;
const chairBase = (f: Fixture) => `/api/chair/rounds/${f.roundId}`;

const deliberation = async (f: Fixture, who: 'organiser' | 'chair' = 'organiser') => {
  const res =
    who === 'chair'
      ? await f.request('GET', `${chairBase(f)}/deliberation?reveal=true`, f.chairHeaders)
      : await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}?reveal=true`, f.organiserHeaders);
  expect(res.status).toBe(200);
  return (await res.json()) as Deliberation;
};
const verify = async (f: Fixture) => (await (await f.request('GET', `${base(f)}/verify`, f.organiserHeaders)).json()) as ResultsVerify;
const csv = async (f: Fixture, lang: string) =>
  (await (await f.request('GET', `/api/competitions/${f.competitionId}/exports/scorecards.csv?lang=${lang}`, f.organiserHeaders)).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');

/** One stored score of the final, by juror id, startup and criterion code. */
function cell(f: Fixture, jurorId: number, entrantId: number, criterion: string) {
  const where = `scorecard_id = (SELECT id FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?)
                 AND criterion_id = (SELECT id FROM criteria WHERE competition_id = ? AND code = ?)`;
  const args = [f.roundId, jurorId, entrantId, f.competitionId, criterion] as const;
  return {
    value: () => f.db.prepare(`SELECT value FROM scores WHERE ${where}`).pluck().get(...args) as number,
    // Straight into SQLite, as someone with the database file and no account would.
    set: (value: number) => f.db.prepare(`UPDATE scores SET value = ? WHERE ${where}`).run(value, ...args),
  };
}

const refusal = { error: { code: 'CONFLICT', details: [{ rule: 'scores-differ-from-log', params: { count: 1 } }] } };

describe('integrity checked on every read of the results', () => {
  test('a score edited directly in SQLite is named on both deliberations, blocks snapshot, signing and publishing, is marked in the CSV and makes Verify say tampered', async () => {
    const f = await closedFinal();
    expect((await deliberation(f)).integrity).toEqual({ ok: true, total: 0, cells: [] });
    // Both signed while intact; the edit comes after.
    for (const [path, headers] of [[base(f), f.organiserHeaders], [chairBase(f), f.chairHeaders]] as const) {
      expect((await f.request('POST', `${path}/snapshot`, headers)).status).toBeLessThan(300);
      expect((await f.request('POST', `${path}/signoff`, headers)).status).toBe(201);
    }
    const [jurorId, entrant] = [f.jurors[3]!, f.entrants[2]!];
    const team = cell(f, jurorId, entrant.id, 'team');
    const logged = team.value();
    team.set(logged === 10 ? 1 : 10);

    for (const who of ['organiser', 'chair'] as const) {
      const d = await deliberation(f, who);
      const number = d.jurors.find((j) => j.id === jurorId)!.number;
      expect(d.integrity).toEqual({ ok: false, total: 1, cells: [{ juror: number, entrantId: entrant.id, criterion: 'team', stored: team.value(), logged }] });
    }
    const publish = await f.request('POST', `${base(f)}/publish`, f.organiserHeaders);
    expect(publish.status).toBe(409);
    expect(await publish.json()).toMatchObject(refusal);
    expect(f.db.prepare('SELECT published_at FROM result_snapshots').pluck().all()).toEqual([null]);
    for (const [path, headers] of [[base(f), f.organiserHeaders], [chairBase(f), f.chairHeaders]] as const) {
      const snapshot = await f.request('POST', `${path}/snapshot`, headers);
      expect(snapshot.status).toBe(409);
      expect(await snapshot.json()).toMatchObject(refusal);
      expect(await (await f.request('POST', `${path}/signoff`, headers)).json()).toMatchObject(refusal);
    }
    expect(f.db.prepare('SELECT COUNT(*) FROM result_snapshots').pluck().get()).toBe(1);

    const check = await verify(f);
    expect(check).toMatchObject({ verdict: 'tampered', integrity: { ok: false, total: 1, cells: [{ entrantId: entrant.id, criterion: 'team', logged }] }, chain: { ok: true } });

    const name = f.db.prepare('SELECT name FROM jurors WHERE id = ?').pluck().get(jurorId) as string;
    const fr = await csv(f, 'fr');
    expect(fr[0]!.endsWith(';submitted_at;log_check')).toBe(true);
    const marked = fr.filter((l) => l.includes('diffère du journal'));
    expect(marked).toEqual([expect.stringContaining(`diffère du journal : team enregistré ${team.value()}, au journal ${logged}`)]);
    expect(marked[0]!.split(';').slice(1, 3)).toEqual([name, entrant.name]);
    expect((await csv(f, 'en')).filter((l) => l.includes(`differs from the event log: team stored ${team.value()}, in the log ${logged}`))).toHaveLength(1);

    // Put back, the results are whole again and the signatures count: publication goes through.
    team.set(logged);
    expect((await deliberation(f)).integrity.ok).toBe(true);
    expect((await csv(f, 'fr')).some((l) => l.includes('diffère du journal'))).toBe(false);
    expect((await f.request('POST', `${base(f)}/publish`, f.organiserHeaders)).status).toBe(200);
    expect((await verify(f)).verdict).toBe('intact');
  });

  test('a logged correction is no difference, and the check follows it at once', async () => {
    const f = await closedFinal();
    expect((await deliberation(f)).integrity.ok).toBe(true);
    const d = await deliberation(f);
    const row = d.ranking[4]!;
    const card = row.scorecards[0]!;
    const value = card.scores['market'] === 1 ? 2 : 1;
    const res = await f.request('POST', `${chairBase(f)}/corrections`, f.chairHeaders, { juror: card.juror, entrantId: row.entrantId, criterion: 'market', value, reason: 'typo confirmed by the juror' });
    expect(res.status).toBe(201);
    expect((await deliberation(f)).integrity).toEqual({ ok: true, total: 0, cells: [] });
    expect((await deliberation(f, 'chair')).integrity.ok).toBe(true);
  });

  test('a scorecard deleted behind the application is named score by score, with nothing stored, and keeps a marked row in the CSV', async () => {
    const f = await closedFinal();
    const [harsh, startup] = [f.jurors[1]!, f.entrants[0]!];
    const criteria = f.criteria.length;
    const stored = f.db.prepare('SELECT c.code, s.value FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE s.scorecard_id = (SELECT id FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?)').all(f.roundId, harsh, startup.id) as { code: string; value: number }[];
    f.db.prepare('DELETE FROM scores WHERE scorecard_id = (SELECT id FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?)').run(f.roundId, harsh, startup.id);
    f.db.prepare('DELETE FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?').run(f.roundId, harsh, startup.id);
    const d = await deliberation(f);
    expect(d.integrity.total).toBe(criteria);
    expect(d.integrity.cells).toEqual(stored.map((s) => expect.objectContaining({ entrantId: startup.id, criterion: s.code, stored: null, logged: s.value })));
    expect(d.integrity.cells.map((c) => c.criterion)).toEqual(d.criteria.map((c) => c.code));
    // The CSV still has a row for it, marked, from the log.
    const rows = (await csv(f, 'en')).filter((l) => l.includes(';missing;'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`${startup.name};`);
    expect(rows[0]).toContain(`differs from the event log: ${stored[0]!.code} stored —, in the log ${stored[0]!.value}`);
  });

  test('a score edited in SQLite together with its log entry breaks the chain, and Verify says tampered in one verdict', async () => {
    const f = await closedFinal();
    expect((await f.request('POST', `${base(f)}/snapshot`, f.organiserHeaders)).status).toBe(201);
    expect(await verify(f)).toMatchObject({ verdict: 'intact', integrity: { ok: true }, chain: { ok: true, brokenAt: null } });
    // The careful forger: the score and the scorecard's log entry both say 10 (the triggers dropped first).
    const [jurorId, entrant] = [f.jurors[2]!, f.entrants[3]!];
    const entry = f.db
      .prepare("SELECT seq, payload FROM events WHERE type = 'scorecard.submitted' AND actor = ? AND json_extract(payload, '$.roundId') = ? AND json_extract(payload, '$.entrantId') = ?")
      .get(`juror:${jurorId}`, f.roundId, entrant.id) as { seq: number; payload: string };
    const forged = { ...(JSON.parse(entry.payload) as { scores: Record<string, number> }) };
    forged.scores = { ...forged.scores, team: 10 };
    f.db.exec('DROP TRIGGER events_no_update');
    f.db.prepare('UPDATE events SET payload = ? WHERE seq = ?').run(JSON.stringify(forged), entry.seq);
    cell(f, jurorId, entrant.id, 'team').set(10);
    const check = await verify(f);
    expect(check).toMatchObject({ verdict: 'tampered', integrity: { ok: true }, chain: { ok: false, brokenAt: entry.seq } });
  });

  test('the replay kept between reads never keeps entries a rolled-back transaction took with it', async () => {
    {
      const f = await closedFinal();
      const round = { id: f.roundId, competition_id: f.competitionId };
      const before = loggedEvaluations(scoreLog(f.db), round);
      const [juror, entrant] = [f.jurors[0]!, f.entrants[0]!.id];
      const key = `${juror}:${entrant}`;
      expect(before.get(key)).toBeDefined();
      expect(() =>
        f.db.transaction(() => {
          appendEvent(f.db, { competitionId: f.competitionId, actor: `juror:${juror}`, type: 'scorecard.reopened', payload: { roundId: f.roundId, entrantId: entrant }, at: new Date() });
          // Read inside the transaction: the kept replay now holds the reopening...
          expect(loggedEvaluations(scoreLog(f.db), round).has(key)).toBe(false);
          throw new Error('rolled back');
        })(),
      ).toThrow('rolled back');
      // ...which the rollback took away: the next read starts the replay again.
      expect(loggedEvaluations(scoreLog(f.db), round).get(key)).toEqual(before.get(key));
      // And a later entry with the same sequence number but another content is not mistaken for it.
      appendEvent(f.db, { competitionId: f.competitionId, actor: 'system', type: 'noise', payload: {}, at: new Date() });
      expect(loggedEvaluations(scoreLog(f.db), round).get(key)).toEqual(before.get(key));
      expect(loggedEvaluations(scoreLog(f.db, { fresh: true }), round)).toEqual(loggedEvaluations(scoreLog(f.db), round));
    }
  });
});
