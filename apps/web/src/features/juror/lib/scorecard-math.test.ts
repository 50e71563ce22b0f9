import { describe, expect, test } from 'vitest';
import { displayedState, isComplete, weightedTotal } from './scorecard-math';
import { DEFAULT_IDLE_MS, idleMsOf, shouldLock, withoutIdleTime } from './idle-lock';

const criteria = [
  { code: 'innovation', weight: 25 },
  { code: 'impact', weight: 20 },
  { code: 'team', weight: 15 },
];

describe('weightedTotal', () => {
  test('is Σ w·s / Σ w over the scored criteria', () => {
    expect(weightedTotal(criteria, { innovation: 8, impact: 6, team: 4 })).toBeCloseTo((25 * 8 + 20 * 6 + 15 * 4) / 60);
    expect(weightedTotal(criteria, { innovation: 8 })).toBe(8);
  });

  test('is null before the first score', () => {
    expect(weightedTotal(criteria, {})).toBeNull();
  });
});

test('a scorecard is complete when every criterion has a score', () => {
  expect(isComplete(criteria, { innovation: 1, impact: 2 })).toBe(false);
  expect(isComplete(criteria, { innovation: 1, impact: 2, team: 3 })).toBe(true);
});

test('a startup scored only on the tablet reads as a draft; recused and submitted come from the server', () => {
  const empty = { scores: {}, note: '', feedback: '', pending: 0, problems: 0 };
  expect(displayedState('not-started', empty)).toBe('not-started');
  expect(displayedState('not-started', { ...empty, scores: { team: 3 } })).toBe('draft');
  expect(displayedState('recused', { ...empty, scores: { team: 3 } })).toBe('recused');
  expect(displayedState('submitted', empty)).toBe('submitted');
});

describe('idle lock', () => {
  test('locks once the idle time is up', () => {
    expect(shouldLock({ now: 10_000, lastActivity: 0, idleMs: 5_000, scoringOnStage: false })).toBe(true);
    expect(shouldLock({ now: 4_000, lastActivity: 0, idleMs: 5_000, scoringOnStage: false })).toBe(false);
  });

  test('never locks while the scorecard of the startup on stage is open', () => {
    expect(shouldLock({ now: 10_000_000, lastActivity: 0, idleMs: 5_000, scoringOnStage: true })).toBe(false);
  });

  test('takes the idle time from the competition\'s setting, in minutes, else 15 minutes', () => {
    expect(idleMsOf({ idleLockMinutes: 5 })).toBe(300_000);
    expect(idleMsOf({ idleLockMinutes: 60 })).toBe(3_600_000);
    // A copy of the state saved before the setting existed has none: the default holds.
    expect(idleMsOf({})).toBe(DEFAULT_IDLE_MS);
    expect(idleMsOf(undefined)).toBe(15 * 60_000);
    expect(idleMsOf({ idleLockMinutes: 0 })).toBe(DEFAULT_IDLE_MS);
  });

  test('a tablet\'s stored lock loses the idle time an address once put there, and keeps the rest', () => {
    expect(withoutIdleTime({ locked: true, lastActivity: 5, idleMs: 2_000 })).toEqual({ locked: true, lastActivity: 5 });
    expect(withoutIdleTime(null)).toEqual({});
  });
});
