import type { Deliberation } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { computeRanking } from './compute.js';
import { closedFinal } from './final-fixture.js';
import { roundRankingInput } from './ranking-input.js';
import { CACHED_RESULTS, setResultsCacheSize } from './result-cache.js';
import { roundResult } from './round-result.js';

type Fixture = Awaited<ReturnType<typeof closedFinal>>;

/** Sets one criterion of one scorecard, straight in the database (as any write path would). */
function setScore(f: Fixture, jurorId: number, entrantId: number, code: string, value: number) {
  f.db.prepare(
    `UPDATE scores SET value = ? WHERE criterion_id = (SELECT id FROM criteria WHERE competition_id = ? AND code = ?)
       AND scorecard_id = (SELECT id FROM scorecards WHERE round_id = ? AND juror_id = ? AND entrant_id = ?)`,
  ).run(value, f.competitionId, code, f.roundId, jurorId, entrantId);
}

const deliberation = async (f: Fixture) =>
  (await (await f.request('GET', `/api/competitions/${f.competitionId}/deliberation/${f.roundId}`, f.organiserHeaders)).json()) as Deliberation;

describe('the cache of results by fingerprint', () => {
  test('a repeated read reuses the result computed for the same input; with or without the report are two entries', async () => {
    const f = await closedFinal();
    const first = roundResult(f.db, f.roundId, { report: true }).result;
    expect(roundResult(f.db, f.roundId, { report: true }).result).toBe(first);
    const plain = roundResult(f.db, f.roundId).result;
    expect(plain).not.toBe(first);
    expect(plain.robustness).toBeUndefined();
    expect(plain.fingerprint).toBe(first.fingerprint);
    // Shared between requests, so frozen: an edit fails instead of leaking into the next reader.
    expect(() => (first.ranking as unknown[]).push(null)).toThrow(TypeError);
  });

  test('a changed score gives a fresh result, equal to a recomputation, never the cached one', async () => {
    const f = await closedFinal();
    const before = await deliberation(f);
    const cached = roundResult(f.db, f.roundId, { report: true }).result;
    // The fourth startup, every criterion at 10 from one of its jurors: its score must rise.
    const entrantId = f.entrants[3]!.id;
    const row = before.ranking.find((r) => r.entrantId === entrantId)!;
    const jurorId = Number(f.db.prepare('SELECT juror_id FROM scorecards WHERE round_id = ? AND entrant_id = ? ORDER BY juror_id').pluck().get(f.roundId, entrantId));
    for (const c of f.criteria) setScore(f, jurorId, entrantId, c.code, 10);

    const after = await deliberation(f);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    const fresh = computeRanking(roundRankingInput(f.db, f.roundId, { report: true }));
    expect(after.fingerprint).toBe(fresh.fingerprint);
    const rowAfter = after.ranking.find((r) => r.entrantId === entrantId)!;
    expect(rowAfter.score!.value).toBeGreaterThan(row.score!.value);
    expect(rowAfter.score!.exact).toBe(fresh.ranking.find((r) => r.entrant === String(entrantId))!.score);
    expect(after.robustness?.bootstrap).toEqual(
      expect.objectContaining({ resamples: fresh.robustness!.bootstrap.resamples, discarded: fresh.robustness!.bootstrap.discarded }),
    );
    const served = roundResult(f.db, f.roundId, { report: true }).result;
    expect(served).not.toBe(cached);
    expect(served).toEqual(fresh);
  });

  test('a chair correction and a chair decision each make a new key', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    const open = roundResult(f.db, f.roundId, { report: true }).result;
    expect(open.selection?.needsChairDecision).not.toBeNull();
    const decided = await f.request('POST', `/api/chair/rounds/${f.roundId}/decisions`, f.chairHeaders, { entrantIds: [d, c], reason: 'Stronger pitch on stage' });
    expect(decided.status).toBe(201);
    const settled = roundResult(f.db, f.roundId, { report: true }).result;
    expect(settled.fingerprint).not.toBe(open.fingerprint);
    expect(settled.selection?.needsChairDecision).toBeNull();

    const number = (await deliberation(f)).jurors[0]!.number;
    const corrected = await f.request('POST', `/api/chair/rounds/${f.roundId}/corrections`, f.chairHeaders, {
      juror: number, entrantId: c, criterion: 'impact', value: 1, reason: 'The juror tapped the wrong level',
    });
    expect(corrected.status).toBe(201);
    const afterCorrection = roundResult(f.db, f.roundId, { report: true }).result;
    expect(afterCorrection.fingerprint).not.toBe(settled.fingerprint);
    expect(afterCorrection).toEqual(computeRanking(roundRankingInput(f.db, f.roundId, { report: true, chairOrder: [String(d), String(c)] })));
  });

  test('the cache is keyed by content, holds a bounded number of results, least recently used out', async () => {
    const f = await closedFinal();
    const entrantId = f.entrants[5]!.id;
    const jurorId = Number(f.db.prepare('SELECT juror_id FROM scorecards WHERE round_id = ? AND entrant_id = ? ORDER BY juror_id').pluck().get(f.roundId, entrantId));
    const original = Number(
      f.db.prepare("SELECT s.value FROM scores s JOIN scorecards sc ON sc.id = s.scorecard_id JOIN criteria c ON c.id = s.criterion_id WHERE sc.round_id = ? AND sc.juror_id = ? AND sc.entrant_id = ? AND c.code = 'pitch'")
        .pluck().get(f.roundId, jurorId, entrantId),
    );
    const resultWith = (value: number) => {
      setScore(f, jurorId, entrantId, 'pitch', value);
      return roundResult(f.db, f.roundId).result;
    };
    const first = resultWith(original);
    const others = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((v) => v !== original);
    for (const v of others.slice(0, CACHED_RESULTS - 1)) resultWith(v);
    // The cache is full; the original scores again are the same cached result, now the most recent.
    expect(resultWith(original)).toBe(first);
    // The others again (hits), then one more distinct input: the least recently used goes.
    for (const v of others.slice(0, CACHED_RESULTS)) resultWith(v);
    const recomputed = resultWith(original);
    expect(recomputed).not.toBe(first);
    expect(recomputed).toEqual(first);
  });

  test('with RESULTS_CACHE_SIZE=0 every read computes afresh (what the benchmark times)', async () => {
    const f = await closedFinal();
    setResultsCacheSize(0);
    try {
      const a = roundResult(f.db, f.roundId, { report: true }).result;
      const b = roundResult(f.db, f.roundId, { report: true }).result;
      expect(b).not.toBe(a);
      expect(b).toEqual(a);
    } finally {
      setResultsCacheSize(CACHED_RESULTS);
    }
    const c = roundResult(f.db, f.roundId, { report: true }).result;
    expect(roundResult(f.db, f.roundId, { report: true }).result).toBe(c);
  });
});
