import type { Deliberation, Rules } from '@palmares/contract';
import { openSeats, type SelectionQuotas } from '../../../lib/open-seats';

/** What of the deliberation the count needs: the round's kind, every entrant's axis, the selection. */
export interface TieSeatsDeliberation {
  kind: Deliberation['kind'];
  ranking: readonly Pick<Deliberation['ranking'][number], 'entrantId' | 'axisCode'>[];
  selection: Pick<Deliberation['selection'], 'selectedIds' | 'needsChairDecision'>;
}

/** The round's quotas as the ranking ran it: the shortlist's, or the final's awards (no minimum). */
export const roundQuotas = (kind: Deliberation['kind'], rules: Pick<Rules, 'awards' | 'shortlist'>): SelectionQuotas =>
  kind === 'final' ? { size: rules.awards.count, axisMin: 0, axisMax: rules.awards.axisMax } : rules.shortlist;

/**
 * The seats the deliberation's open tie is really for, or null when that cannot be known.
 * `needsChairDecision.seats` counts every free seat: with at most one prize per axis, two health
 * startups tied with two prizes left share one, the other going to the next axis. `openSeats`
 * replays the selection rule on the tied, which needs the competition's rules (the deliberation
 * does not carry them; the chair's tablet has no access to them). Without the rules, a tie for
 * one free seat is still known to be for one (every tied entrant can take a seat on its own),
 * but a larger count is not: null.
 */
export function tieSeats(deliberation: TieSeatsDeliberation, rules: Pick<Rules, 'awards' | 'shortlist'> | null): number | null {
  const pending = deliberation.selection.needsChairDecision;
  if (!pending) return null;
  if (!rules) return pending.seats === 1 ? 1 : null;
  const axisOf = new Map(deliberation.ranking.map((r) => [r.entrantId, r.axisCode]));
  const axis = (id: number) => axisOf.get(id) ?? '';
  return openSeats({
    quotas: roundQuotas(deliberation.kind, rules),
    roundAxes: deliberation.ranking.map((r) => r.axisCode),
    selectedAxes: deliberation.selection.selectedIds.map(axis),
    tiedAxes: pending.entrantIds.map(axis),
  });
}
