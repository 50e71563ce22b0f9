import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { clock, offlineVerdict, verdictOf } from './pin-verdict';

const refusal = (status: number, code: string, details: Record<string, string>) =>
  new ApiError(code as never, status, 'refused', Object.entries(details).map(([path, message]) => ({ path, rule: 'remaining', message })));

describe('what a refused PIN tells the juror', () => {
  test('a wrong PIN counts the tries left before the pause and before the block', () => {
    expect(verdictOf(refusal(401, 'INVALID_CREDENTIALS', { attemptsLeft: '2', attemptsBeforeLock: '7' }), 0)).toEqual({ kind: 'wrong', left: 2, beforeBlock: 7 });
  });

  test('the wrong PIN that starts the pause is a pause, never "0 tries left"', () => {
    expect(verdictOf(refusal(401, 'INVALID_CREDENTIALS', { attemptsLeft: '0', attemptsBeforeLock: '5', retryAfterSeconds: '300' }), 1_000)).toEqual({
      kind: 'paused',
      until: 301_000,
      beforeBlock: 5,
    });
    expect(verdictOf(refusal(429, 'RATE_LIMITED', { retryAfterSeconds: '42' }), 0)).toEqual({ kind: 'paused', until: 42_000, beforeBlock: null });
  });

  test('a blocked tablet is blocked; other refusals are not a verdict', () => {
    expect(verdictOf(refusal(423, 'BINDING_LOCKED', {}), 0)).toEqual({ kind: 'blocked' });
    expect(verdictOf(refusal(400, 'VALIDATION_FAILED', {}), 0)).toBeNull();
  });

  test('offline, the tablet counts by the same policy: 4 left, a pause at 5, the warning at 9, blocked at 10', () => {
    expect(offlineVerdict(1, 0)).toEqual({ kind: 'wrong', left: 4, beforeBlock: 9 });
    expect(offlineVerdict(5, 0)).toEqual({ kind: 'paused', until: 300_000, beforeBlock: 5 });
    expect(offlineVerdict(9, 0)).toEqual({ kind: 'wrong', left: 1, beforeBlock: 1 });
    expect(offlineVerdict(10, 0)).toEqual({ kind: 'blocked' });
  });

  test('the countdown reads minutes and seconds', () => {
    expect(clock(299_001)).toBe('5:00');
    expect(clock(65_000)).toBe('1:05');
    expect(clock(-5)).toBe('0:00');
  });
});
