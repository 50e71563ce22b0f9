import type { Criterion, JurorEntrantState, JurorRound } from '@palmares/contract';
import { isComplete } from './scorecard-math';

/**
 * What the tablet says of a scorecard that is not submitted (issue 14 point 5): complete but not
 * submitted while the round is open (it counts only once submitted), and, once the round has
 * closed, a draft that did not count. Nothing for the others.
 * @example submitFlag('open', 'draft', true) // 'complete-unsubmitted'
 * @example submitFlag('closed', 'draft', false) // 'did-not-count'
 */
export function submitFlag(roundState: JurorRound['state'] | undefined, state: JurorEntrantState, complete: boolean): 'complete-unsubmitted' | 'did-not-count' | null {
  if (state !== 'draft' || roundState === undefined || roundState === 'draft') return null;
  if (roundState === 'open') return complete ? 'complete-unsubmitted' : null;
  return 'did-not-count';
}

interface CardView {
  entrant: { id: number };
  state: JurorEntrantState;
  card: { scores: Record<string, number>; problems: number };
}

/**
 * The scorecards the juror can submit right now: drafts with every criterion scored and no
 * refused change waiting for a decision (those are resolved on the scorecard first).
 * @example readyToSubmit(views, criteria).map((v) => v.entrant.id) // [12, 15]
 */
export function readyToSubmit<V extends CardView>(views: V[], criteria: Pick<Criterion, 'code'>[]): V[] {
  return views.filter((v) => v.state === 'draft' && v.card.problems === 0 && isComplete(criteria, v.card.scores));
}

/**
 * The time left before the announced close, by the server's clock: the tablet's clock may be off,
 * so the gap between the two when the state was read (`serverTime` against `receivedAt`) is
 * taken out. Never below zero.
 * @example timeLeft('2026-06-13T09:05:00Z', Date.parse('2026-06-13T09:03:30Z'), 0) // { ms: 90000, minutes: 1, seconds: 30 }
 */
export function timeLeft(closesAt: string, now: number, serverAhead: number): { ms: number; minutes: number; seconds: number } {
  const ms = Math.max(0, Date.parse(closesAt) - (now + serverAhead));
  const total = Math.ceil(ms / 1000);
  return { ms, minutes: Math.floor(total / 60), seconds: total % 60 };
}
