import { describe, expect, test } from 'vitest';
import { readyToSubmit, submitFlag, timeLeft } from './closing';

const criteria = [{ code: 'impact' }, { code: 'team' }];
const view = (id: number, state: 'not-started' | 'draft' | 'submitted' | 'recused', scores: Record<string, number>, problems = 0) => ({
  entrant: { id },
  state,
  card: { scores, problems },
});

describe('the close of scoring on the tablet', () => {
  test('a complete draft of an open round is flagged; once the round closed, every draft did not count', () => {
    expect(submitFlag('open', 'draft', true)).toBe('complete-unsubmitted');
    expect(submitFlag('open', 'draft', false)).toBeNull();
    expect(submitFlag('open', 'submitted', true)).toBeNull();
    expect(submitFlag('closed', 'draft', false)).toBe('did-not-count');
    expect(submitFlag('confirmed', 'draft', true)).toBe('did-not-count');
    expect(submitFlag('closed', 'submitted', true)).toBeNull();
    expect(submitFlag('closed', 'not-started', false)).toBeNull();
    expect(submitFlag(undefined, 'draft', true)).toBeNull();
  });

  test('only complete drafts without a refused change are ready to submit', () => {
    const views = [
      view(1, 'draft', { impact: 3, team: 4 }),
      view(2, 'draft', { impact: 3 }),
      view(3, 'submitted', { impact: 3, team: 4 }),
      view(4, 'draft', { impact: 3, team: 4 }, 1),
      view(5, 'recused', {}),
      view(6, 'draft', { impact: 1, team: 1 }),
    ];
    expect(readyToSubmit(views, criteria).map((v) => v.entrant.id)).toEqual([1, 6]);
  });

  test('the countdown follows the server\'s clock, rounds seconds up and stops at zero', () => {
    const at = '2026-06-13T09:05:00.000Z';
    expect(timeLeft(at, Date.parse('2026-06-13T09:03:30Z'), 0)).toEqual({ ms: 90_000, minutes: 1, seconds: 30 });
    // The tablet's clock is 20 s behind the server's: 20 s less are left than it would think.
    expect(timeLeft(at, Date.parse('2026-06-13T09:03:30Z'), 20_000)).toEqual({ ms: 70_000, minutes: 1, seconds: 10 });
    expect(timeLeft(at, Date.parse('2026-06-13T09:04:59.200Z'), 0)).toEqual({ ms: 800, minutes: 0, seconds: 1 });
    expect(timeLeft(at, Date.parse('2026-06-13T09:06:00Z'), 0)).toEqual({ ms: 0, minutes: 0, seconds: 0 });
  });
});
