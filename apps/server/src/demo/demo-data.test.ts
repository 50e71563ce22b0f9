import { expect, test } from 'vitest';
import {
  demoAxes,
  demoCompetition,
  demoConflicts,
  demoCriteria,
  demoEntrants,
  demoJurors,
  demoOrganiser,
  demoRound1Scores,
  type DemoLang,
} from './demo-data.js';

const langs: DemoLang[] = ['fr', 'en', 'ar'];
const pairKey = (jurorEmail: string, entrantName: string): string => `${jurorEmail}\u0000${entrantName}`;

test('competition and organiser', () => {
  expect(demoCompetition.name).toBe('Casablanca Smart City 2023');
  expect([...demoCompetition.languages]).toEqual(['fr', 'en', 'ar']);
  expect(demoCompetition.defaultLanguage).toBe('fr');
  expect(demoOrganiser.email).toMatch(/@palmares\.example$/);
});

test('five axes, translated, distinct colours', () => {
  expect(demoAxes.map((a) => a.code)).toEqual(['governance', 'social', 'infrastructure', 'services', 'ecology']);
  expect(new Set(demoAxes.map((a) => a.color.toLowerCase())).size).toBe(5);
  for (const axis of demoAxes) {
    expect(axis.color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const lang of langs) expect(axis.labels[lang].trim()).not.toBe('');
  }
});

test('24 entrants, 4 to 6 per axis, unique names and emails', () => {
  expect(demoEntrants).toHaveLength(24);
  const axisCodes = new Set(demoAxes.map((a) => a.code));
  for (const axis of demoAxes) {
    const n = demoEntrants.filter((e) => e.axis === axis.code).length;
    expect(n).toBeGreaterThanOrEqual(4);
    expect(n).toBeLessThanOrEqual(6);
  }
  for (const e of demoEntrants) {
    expect(axisCodes.has(e.axis)).toBe(true);
    expect(e.founders.trim()).not.toBe('');
    expect(e.founders.split(',').length).toBeLessThanOrEqual(3);
    expect(e.pitch.length).toBeGreaterThan(100);
    expect(e.contactEmail).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
  }
  expect(new Set(demoEntrants.map((e) => e.name)).size).toBe(24);
  expect(new Set(demoEntrants.map((e) => e.contactEmail)).size).toBe(24);
});

test('six criteria, weights sum to 100, 10 described levels per language', () => {
  expect(demoCriteria.map((c) => c.code)).toEqual(['innovation', 'impact', 'feasibility', 'market', 'team', 'pitch']);
  expect(demoCriteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  for (const c of demoCriteria) {
    expect(Number.isInteger(c.weight)).toBe(true);
    for (const lang of langs) {
      expect(c.labels[lang].trim()).not.toBe('');
      expect(c.levels[lang]).toHaveLength(10);
      for (const level of c.levels[lang]) {
        expect(level.trim()).not.toBe('');
        expect(level.length).toBeLessThanOrEqual(90);
      }
      expect(new Set(c.levels[lang]).size).toBe(10);
    }
  }
});

test('8 jurors, exactly one chair, unique emails on jury.example', () => {
  expect(demoJurors).toHaveLength(8);
  expect(demoJurors.filter((j) => j.isChair)).toHaveLength(1);
  expect(new Set(demoJurors.map((j) => j.email)).size).toBe(8);
  for (const j of demoJurors) {
    expect(j.email).toMatch(/@jury\.example$/);
    expect(j.title.trim()).not.toBe('');
  }
});

test('conflicts reference existing jurors and entrants; no entrant loses more than one juror', () => {
  expect(demoConflicts).toHaveLength(3);
  const jurorEmails = new Set(demoJurors.map((j) => j.email));
  const entrantNames = new Set(demoEntrants.map((e) => e.name));
  for (const c of demoConflicts) {
    expect(jurorEmails.has(c.jurorEmail)).toBe(true);
    expect(entrantNames.has(c.entrantName)).toBe(true);
    expect(c.reason.trim()).not.toBe('');
  }
  expect(new Set(demoConflicts.map((c) => c.entrantName)).size).toBe(demoConflicts.length);
});

test('round-1 scores: deterministic, integers 1..10, every non-conflicted pair exactly once', () => {
  const sheets = demoRound1Scores();
  expect(demoRound1Scores()).toEqual(sheets);

  const conflicted = new Set(demoConflicts.map((c) => pairKey(c.jurorEmail, c.entrantName)));
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = pairKey(s.jurorEmail, s.entrantName);
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    expect(conflicted.has(key)).toBe(false);
    expect(Object.keys(s.scores).sort()).toEqual(demoCriteria.map((c) => c.code).sort());
    for (const v of Object.values(s.scores)) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(10);
    }
  }
  for (const j of demoJurors) {
    for (const e of demoEntrants) {
      const key = pairKey(j.email, e.name);
      expect(seen.has(key)).toBe(!conflicted.has(key));
    }
  }
  expect(sheets).toHaveLength(demoJurors.length * demoEntrants.length - demoConflicts.length);
});

test('round-1 field is realistic: totals mostly 4..9, no tied entrant means', () => {
  const weight = new Map<string, number>(demoCriteria.map((c) => [c.code, c.weight]));
  const sheets = demoRound1Scores();
  const total = (scores: Record<string, number>): number =>
    Object.entries(scores).reduce((sum, [code, v]) => sum + v * (weight.get(code) ?? 0), 0) / 100;
  const totals = sheets.map((s) => total(s.scores));
  expect(totals.filter((t) => t >= 4 && t <= 9).length / totals.length).toBeGreaterThan(0.8);

  const means = demoEntrants.map((e) => {
    const mine = sheets.filter((s) => s.entrantName === e.name).map((s) => total(s.scores));
    return mine.reduce((a, b) => a + b, 0) / mine.length;
  });
  expect(new Set(means).size).toBe(demoEntrants.length);
  expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(3);
});
