import { describe, expect, test } from 'vitest';
import { backoffDelay, MAX_DELAY_MS } from './backoff';

describe('backoffDelay', () => {
  test('doubles from 1 s and never waits more than 5 s while changes wait', () => {
    expect([1, 2, 3, 4, 5, 20, 1000].map(backoffDelay)).toEqual([1000, 2000, 4000, 5000, 5000, 5000, 5000]);
    expect(MAX_DELAY_MS).toBe(5000);
  });
});
