import { PIN_POLICY } from '@palmares/contract';
import type { ErrorDetail } from '@palmares/contract';
import { AppError } from '../../lib/errors.js';

/**
 * One PIN counter: a tablet's own (device_bindings.failed_pins, pin_failures) or a juror's
 * invitation link (jurors.link_failed_pins, link_pin_failures). Both follow PIN_POLICY.
 */
export interface PinCounter {
  failuresSince(since: Date): { count: number; oldest: string | null };
  /** Counts the try as failed, before the slow hash runs; returns the failures in a row. */
  recordFailure(now: Date): number;
  /** The right PIN: earlier failures no longer count. */
  forgive(): void;
  /** The failure that locks: the binding (or the link) refuses until the organiser acts. */
  lock(now: Date, failedInARow: number): void;
}

export interface PinCheck<T> {
  counter: PinCounter;
  now: Date;
  /** The slow hash comparison; a match, or null. */
  verify: () => Promise<T | null>;
  /** Sets `Retry-After` on the refusal. */
  retryAfter: (seconds: number) => void;
  locked: () => AppError;
}

const remaining = (path: string, n: number): ErrorDetail => ({ path, rule: 'remaining', message: String(n) });
const seconds = (n: number): ErrorDetail => ({ path: 'retryAfterSeconds', rule: 'seconds', message: String(n) });

/**
 * Checks a PIN under PIN_POLICY, and words every refusal with the counts the tablet shows (PIN
 * lockout tells the truth, issue 14 point 6):
 * - `attemptsLeft`: wrong PINs still possible before the 5-minute pause (0 on the try that starts
 *   the pause, which then also carries `retryAfterSeconds`);
 * - `attemptsBeforeLock`: wrong PINs before the tablet (or link) is blocked; at 1 the tablet warns
 *   that the next wrong PIN blocks it until the organiser resets it;
 * - `retryAfterSeconds`: the pause, on the 429 and on the wrong PIN that starts it.
 * A try is counted before the slow hash is checked, so parallel tries cannot beat the limit.
 */
export async function checkPin<T>({ counter, now, verify, retryAfter, locked }: PinCheck<T>): Promise<T> {
  const windowStart = new Date(now.getTime() - PIN_POLICY.windowMs);
  const pauseLeft = (oldest: string | null) =>
    Math.max(1, Math.ceil((Date.parse(oldest ?? now.toISOString()) + PIN_POLICY.windowMs - now.getTime()) / 1000));
  const window = counter.failuresSince(windowStart);
  if (window.count >= PIN_POLICY.attemptsPerWindow) {
    const wait = pauseLeft(window.oldest);
    retryAfter(wait);
    throw new AppError(429, 'RATE_LIMITED', 'Too many wrong PINs: wait a few minutes', [
      { path: 'pin', rule: 'rate_limited', message: `Try again in ${wait} s` },
      seconds(wait),
    ]);
  }
  const failedInARow = counter.recordFailure(now);
  const match = await verify();
  if (match !== null) {
    counter.forgive();
    return match;
  }
  if (failedInARow >= PIN_POLICY.lockAfter) {
    counter.lock(now, failedInARow);
    throw locked();
  }
  const leftInWindow = PIN_POLICY.attemptsPerWindow - window.count - 1;
  const leftBeforeLock = PIN_POLICY.lockAfter - failedInARow;
  const details: ErrorDetail[] = [
    { path: 'pin', rule: 'mismatch', message: 'Wrong PIN' },
    remaining('attemptsLeft', Math.min(leftInWindow, leftBeforeLock)),
    remaining('attemptsBeforeLock', leftBeforeLock),
  ];
  if (leftInWindow <= 0) {
    const after = counter.failuresSince(windowStart);
    const wait = pauseLeft(after.oldest);
    retryAfter(wait);
    details.push(seconds(wait));
  }
  throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong PIN', details);
}
