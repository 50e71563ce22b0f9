import { isApiError } from '../../../lib/api-client';
import { PIN_POLICY } from '../../../lib/contract-constants';

/**
 * What a refused PIN means for the juror's next try, read from the server's refusal or from the
 * tablet's own offline count; both follow PIN_POLICY, so the screen words them the same way.
 * - `wrong`: `left` wrong PINs still possible before the pause (always ≥ 1), `beforeBlock` before
 *   the tablet (or the link) is blocked;
 * - `paused`: no try until `until` (ms since the epoch);
 * - `blocked`: the organiser must act.
 */
export type PinVerdict =
  | { kind: 'wrong'; left: number; beforeBlock: number }
  | { kind: 'paused'; until: number; beforeBlock: number | null }
  | { kind: 'blocked' };

const detail = (error: unknown, path: string): number | null => {
  if (!isApiError(error)) return null;
  const raw = error.details.find((d) => d.path === path)?.message;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) ? n : null;
};

/** The verdict of a server refusal (401 wrong PIN, 429 pause, 423 blocked), or null for any other. */
export function verdictOf(error: unknown, now: number): PinVerdict | null {
  if (isApiError(error, 'BINDING_LOCKED')) return { kind: 'blocked' };
  const beforeBlock = detail(error, 'attemptsBeforeLock');
  const wait = detail(error, 'retryAfterSeconds');
  if (isApiError(error, 'RATE_LIMITED')) {
    return { kind: 'paused', until: now + (wait ?? PIN_POLICY.windowMs / 1000) * 1000, beforeBlock };
  }
  if (!isApiError(error, 'INVALID_CREDENTIALS')) return null;
  if (wait !== null) return { kind: 'paused', until: now + wait * 1000, beforeBlock };
  const left = detail(error, 'attemptsLeft') ?? 1;
  return { kind: 'wrong', left: Math.max(1, left), beforeBlock: beforeBlock ?? PIN_POLICY.lockAfter };
}

/**
 * The tablet's own count when it checks the PIN offline, by the same policy as the server: a
 * pause after every `attemptsPerWindow` wrong PINs in a row, and at `lockAfter` no more offline
 * tries (the server decides once it answers).
 * @example offlineVerdict(5, 0) // { kind: 'paused', until: 300000, beforeBlock: 5 }
 */
export function offlineVerdict(failuresInARow: number, now: number): PinVerdict {
  const beforeBlock = PIN_POLICY.lockAfter - failuresInARow;
  if (beforeBlock <= 0) return { kind: 'blocked' };
  const inWindow = failuresInARow % PIN_POLICY.attemptsPerWindow;
  if (inWindow === 0) return { kind: 'paused', until: now + PIN_POLICY.windowMs, beforeBlock };
  return { kind: 'wrong', left: Math.min(PIN_POLICY.attemptsPerWindow - inWindow, beforeBlock), beforeBlock };
}

/** "4:05" for the countdown of a pause. */
export function clock(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
