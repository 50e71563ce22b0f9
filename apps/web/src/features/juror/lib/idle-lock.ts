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
 * The idle time asked for in the address (`?idle=5`, in seconds), for rehearsals and tests.
 * @example idleFromSearch('?idle=5') // 5000
 */
export function idleFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('idle');
  if (raw === null) return null;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 1 && seconds <= 24 * 3600 ? Math.round(seconds * 1000) : null;
}
