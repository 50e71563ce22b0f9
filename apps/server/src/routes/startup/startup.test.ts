import type { StartupPage } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { demoStartupToken } from '../../demo/seed-demo.js';
import { closedFinal, publishFinal } from '../../results/final-fixture.js';

type Fixture = Awaited<ReturnType<typeof closedFinal>>;
const page = async (f: Fixture, token: string) => {
  const res = await f.request('GET', `/api/startup/${encodeURIComponent(token)}`, {});
  expect(res.status).toBe(200);
  return (await res.json()) as StartupPage;
};
const outsider = (f: Fixture) =>
  f.db.prepare('SELECT access_token FROM entrants WHERE id NOT IN (SELECT entrant_id FROM round_entrants WHERE round_id = ?) LIMIT 1').pluck().get(f.roundId) as string;

describe('the startup page', () => {
  test('before the results: a finalist sees its pitch slot, another startup "not shortlisted", and no scores', async () => {
    const f = await closedFinal();
    const finalist = await page(f, f.entrants[4]!.token);
    expect(finalist).toMatchObject({ status: 'shortlisted', pitch: { position: 5, of: 12 }, result: null, startup: { name: f.entrants[4]!.name } });
    const other = await page(f, outsider(f));
    expect(other).toMatchObject({ status: 'not-shortlisted', pitch: null, result: null });
    // A snapshot signed by both but not published still shows nothing.
    await f.request('POST', `/api/competitions/${f.competitionId}/results/${f.roundId}/snapshot`, f.organiserHeaders);
    const text = await (await f.request('GET', `/api/startup/${f.entrants[0]!.token}`, {})).text();
    expect(text).not.toMatch(/score|feedback|Feedback/i);
  });

  test('before the shortlist is published a startup is only "registered"', async () => {
    const f = await closedFinal();
    f.db.prepare("UPDATE rounds SET published_at = NULL WHERE kind = 'shortlist'").run();
    expect(await page(f, f.entrants[0]!.token)).toMatchObject({ status: 'registered', pitch: null, result: null });
  });

  test('an unknown link answers 404', async () => {
    const f = await closedFinal();
    expect((await f.request('GET', '/api/startup/not-a-real-token', {})).status).toBe(404);
  });

  test('after publication: its place overall and in its axis, per-criterion scores against the field, level, feedback without names', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const e = f.entrants[2]!;
    const p = await page(f, e.token);
    expect(p.status).toBe('results');
    const r = p.result!;
    expect(r.overall).toMatchObject({ kind: 'exact', of: 12 });
    expect(r.axis.kind).toBe('exact');
    expect(r.criteria.map((c) => c.code)).toEqual(['innovation', 'impact', 'feasibility', 'market', 'team', 'pitch']);
    for (const c of r.criteria) {
      expect(c.field.min.value).toBeLessThanOrEqual(c.score.value);
      expect(c.field.max.value).toBeGreaterThanOrEqual(c.score.value);
      expect(c.level.value).toBe(Math.min(10, Math.max(1, Math.round(c.score.value))));
      expect(c.level.descriptions.fr).toEqual(expect.any(String));
    }
    expect(r.feedback.length).toBeGreaterThan(0);
    expect(r.feedback.every((t) => t.endsWith(e.name))).toBe(true);
    const text = JSON.stringify(p);
    for (const j of f.db.prepare('SELECT name FROM jurors').pluck().all() as string[]) expect(text).not.toContain(j);
    expect(r.trimmed).toBe(2);
  });

  test('a startup’s link never returns another startup’s data', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const winners = (await (await f.request('GET', `/api/public/competitions/${f.competitionId}/winners`, {})).json()) as { places: { winners: { name: string }[] }[] };
    const public_ = new Set(winners.places.flatMap((p) => p.winners.map((w) => w.name)));
    for (const e of f.entrants) {
      const mine = await page(f, e.token);
      // The one exception (issue 15): a startup the axis cap skipped is told which winner holds
      // its axis's prize, a name already on the public winners page, and nothing else about it.
      const heldBy = mine.result?.ruleNote?.heldBy ?? [];
      for (const name of heldBy) expect(public_.has(name)).toBe(true);
      const text = JSON.stringify({ ...mine, result: mine.result && { ...mine.result, ruleNote: mine.result.ruleNote && { ...mine.result.ruleNote, heldBy: [] } } });
      for (const other of f.entrants) if (other.id !== e.id) expect(text).not.toContain(other.name);
      expect(text).not.toContain('entrantId');
    }
    const demoToken = demoStartupToken(f.entrants[0]!.name);
    expect(demoToken).toBe(f.entrants[0]!.token);
  });

  test('the winner is told its prize; with the band setting places read "top n"', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const winners = f.db.prepare('SELECT result FROM result_snapshots').pluck().get() as string;
    const first = (JSON.parse(winners) as { selection: { selected: string[] } }).selection.selected[0]!;
    const token = f.entrants.find((e) => String(e.id) === first)!.token;
    expect((await page(f, token)).result).toMatchObject({ award: { place: 1, exAequo: false }, overall: { kind: 'exact', place: 1 } });
    const set = await f.request('PUT', `/api/competitions/${f.competitionId}/results/disclosure`, f.organiserHeaders, { placeDisplay: 'band' });
    expect(set.status).toBe(200);
    const last = [...f.entrants].reverse()[0]!;
    const banded = (await page(f, last.token)).result!;
    expect(banded.overall).toMatchObject({ kind: 'band', of: 12 });
    expect([3, 6, 12]).toContain(banded.overall.kind === 'band' ? banded.overall.top : 0);
  });

  test('a tie that concerned the startup is explained without naming the other', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    await f.request('POST', `/api/chair/rounds/${f.roundId}/decisions`, f.chairHeaders, { entrantIds: [c, d], reason: 'Clearer business model' });
    await publishFinal(f);
    const r = (await page(f, f.entrants.find((e) => e.id === d)!.token)).result!;
    expect(r.ties).toContainEqual(expect.objectContaining({ rule: 'chair', groupSize: 2, outcome: 'behind' }));
    expect(r.overall).toMatchObject({ kind: 'exact', place: 4 });
  });
});

describe('round 1 for a startup not shortlisted (issue 15 point 6)', () => {
  const disclosure = (f: Fixture, body: unknown) => f.request('PUT', `/api/competitions/${f.competitionId}/results/disclosure`, f.organiserHeaders, body);

  test('once the shortlist is published it sees its round-1 band, per-criterion scores against the field and the jury’s feedback', async () => {
    const f = await closedFinal();
    const p = await page(f, outsider(f));
    expect(p.status).toBe('not-shortlisted');
    const r = p.round1!;
    // A band of half a shortlist after the 12: never the exact place.
    expect(r.shortlistSize).toBe(12);
    expect(r.band.of).toBe(24);
    expect(r.band.to - r.band.from).toBeLessThan(6);
    expect([1, 7, 13, 19]).toContain(r.band.from);
    expect(r.criteria.map((c) => c.code)).toEqual(['innovation', 'impact', 'feasibility', 'market', 'team', 'pitch']);
    for (const c of r.criteria) {
      expect(c.field.min.value).toBeLessThanOrEqual(c.score.value);
      expect(c.field.max.value).toBeGreaterThanOrEqual(c.score.value);
    }
    expect(r.feedback.length).toBeGreaterThan(0);
    expect(r.feedback.every((t) => /^Point fort|^Dossier homogène/.test(t))).toBe(true);
    const text = JSON.stringify(p);
    for (const j of f.db.prepare('SELECT name FROM jurors').pluck().all() as string[]) expect(text).not.toContain(j);
    for (const other of f.entrants) expect(text).not.toContain(other.name);
  });

  test('before the shortlist is published, for a finalist, and with the option turned off, nothing of round 1 is shown', async () => {
    const f = await closedFinal();
    const token = outsider(f);
    expect((await page(f, f.entrants[0]!.token)).round1).toBeNull();
    const get = await f.request('GET', `/api/competitions/${f.competitionId}/results/disclosure`, f.organiserHeaders);
    expect(await get.json()).toEqual({ placeDisplay: 'exact', round1Feedback: true });
    const off = await disclosure(f, { round1Feedback: false });
    expect(off.status).toBe(200);
    // The other setting is kept.
    expect(await off.json()).toEqual({ placeDisplay: 'exact', round1Feedback: false });
    const hidden = await f.request('GET', `/api/startup/${token}`, {});
    const hiddenText = await hidden.text();
    expect(JSON.parse(hiddenText)).toMatchObject({ status: 'not-shortlisted', round1: null });
    expect(hiddenText).not.toMatch(/score|Point fort/i);
    await disclosure(f, { round1Feedback: true });
    f.db.prepare("UPDATE rounds SET published_at = NULL WHERE kind = 'shortlist'").run();
    expect(await page(f, token)).toMatchObject({ status: 'registered', round1: null });
  });

  test('the disclosure refuses a value that is not a yes or no, and stores nothing', async () => {
    const f = await closedFinal();
    const res = await disclosure(f, { round1Feedback: 'maybe' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details[0]!.path).toBe('round1Feedback');
    expect(f.db.prepare('SELECT round1_feedback FROM competitions').pluck().get()).toBe(1);
  });
});

describe('a startup’s score and its criteria add up, or the page says why (issue 15 point 6)', () => {
  test('with trimming the weighted mean of the criterion scores differs, and the page gives both numbers and the reason', async () => {
    const f = await closedFinal();
    await publishFinal(f);
    const results = await Promise.all(f.entrants.map(async (e) => (await page(f, e.token)).result!));
    const differing = results.filter((r) => r.consistency !== null);
    expect(differing.length).toBeGreaterThan(0);
    for (const r of results) {
      const total = r.criteria.reduce((n, c) => n + c.weight, 0);
      const weighted = r.criteria.reduce((n, c) => n + c.weight * c.score.value, 0) / total;
      if (r.consistency === null) expect(weighted.toFixed(2)).toBe(r.score.value.toFixed(2));
      else {
        expect(r.consistency).toMatchObject({ reason: 'trim' });
        expect(r.consistency.weighted.value).toBeCloseTo(weighted, 9);
        expect(r.consistency.weighted.display).not.toBe(r.score.display);
      }
    }
  });

  test('without trimming the criterion scores add up to the score exactly, and no sentence is owed', async () => {
    const f = await closedFinal();
    f.db.prepare("UPDATE competitions SET trim = 0").run();
    await publishFinal(f);
    for (const e of f.entrants) {
      const r = (await page(f, e.token)).result!;
      expect(r.trimmed).toBe(0);
      expect(r.consistency).toBeNull();
    }
  });

  test('the startup that lost a tie the chair settled reads the chair’s reason, and so does the one placed ahead', async () => {
    const f = await closedFinal({ tie: true });
    const [c, d] = f.tied!;
    await f.request('POST', `/api/chair/rounds/${f.roundId}/decisions`, f.chairHeaders, { entrantIds: [c, d], reason: 'Clearer business model' });
    await publishFinal(f);
    const loser = (await page(f, f.entrants.find((e) => e.id === d)!.token)).result!;
    expect(loser.chairReason).toBe('Clearer business model');
    expect((await page(f, f.entrants.find((e) => e.id === c)!.token)).result!.chairReason).toBe('Clearer business model');
    expect((await page(f, f.entrants.find((e) => e.id !== c && e.id !== d)!.token)).result!.chairReason).toBeNull();
  });
});
