import { PIN_POLICY } from '../../../lib/contract-constants';

export const DEFAULT_IDLE_MS = PIN_POLICY.idleLockMs;
/** A wrong PIN typed this many times offline refuses further offline tries until the server answers. */
export const OFFLINE_ATTEMPTS = PIN_POLICY.lockAfter;

/**
 * Whether the idle time is up. Never while the juror has the scorecard of the startup on stage
 * open: they are listening to the pitch, not idling.
 * @example shouldLock({ now: 1000, lastActivity: 0, idleMs: 500, scoringOnStage: true }) // false
 */
export function shouldLock(input: { now: number; lastActivity: number; idleMs: number; scoringOnStage: boolean }): boolean {
  if (input.scoringOnStage) return false;
  return input.now - input.lastActivity >= input.idleMs;
}

/**
 * The tablet's idle time: the competition's setting in minutes (sent with the juror's state),
 * else the product's default. There is no way to shorten it from the address.
 * @example idleMsOf({ idleLockMinutes: 5 }) // 300000
 */
export function idleMsOf(competition: { idleLockMinutes?: number } | undefined): number {
  const minutes = competition?.idleLockMinutes;
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 ? minutes * 60_000 : DEFAULT_IDLE_MS;
}

/**
 * What a tablet stored before the idle time left its storage, less that idle time: an address's
 * `?idle=` once landed there and outlived the visit.
 * @example withoutIdleTime({ locked: true, idleMs: 2000 }) // { locked: true }
 */
export function withoutIdleTime(stored: unknown): Record<string, unknown> {
  if (typeof stored !== 'object' || stored === null) return {};
  const { idleMs: _dropped, ...rest } = stored as Record<string, unknown>;
  return rest;
}
