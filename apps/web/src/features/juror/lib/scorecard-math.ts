import type { Criterion, JurorEntrantState } from '@palmares/contract';
import type { OverlaidScorecard } from './outbox-logic';

/**
 * The weighted total Σ w·s / Σ w over the criteria scored so far; null before the first score.
 * @example weightedTotal([{ code: 'a', weight: 3 }, { code: 'b', weight: 1 }], { a: 8, b: 4 }) // 7
 */
export function weightedTotal(criteria: Pick<Criterion, 'code' | 'weight'>[], scores: Record<string, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.code];
    if (s === undefined) continue;
    sum += c.weight * s;
    weights += c.weight;
  }
  return weights === 0 ? null : sum / weights;
}

/** Every criterion has a score: the scorecard may be submitted. */
export const isComplete = (criteria: Pick<Criterion, 'code'>[], scores: Record<string, number>) =>
  criteria.every((c) => scores[c.code] !== undefined);

/**
 * The state the juror sees, with what is still on the tablet counted: a startup scored offline
 * reads as a draft before the server knows it.
 */
export function displayedState(serverState: JurorEntrantState, card: OverlaidScorecard): JurorEntrantState {
  if (serverState === 'recused' || serverState === 'submitted') return serverState;
  const touched = Object.keys(card.scores).length > 0 || card.note !== '' || card.feedback !== '';
  return touched ? 'draft' : 'not-started';
}
