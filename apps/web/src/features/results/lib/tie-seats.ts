import type { Deliberation } from '@palmares/contract';
import { openSeats } from '../../../lib/open-seats';

/** What of the deliberation the count needs: every entrant's axis, the selection and its rules. */
export interface TieSeatsDeliberation {
  ranking: readonly Pick<Deliberation['ranking'][number], 'entrantId' | 'axisCode'>[];
  selection: Pick<Deliberation['selection'], 'selectedIds' | 'needsChairDecision'>;
  selectionRules: Deliberation['selectionRules'];
}

/**
 * The seats the deliberation's open tie is really for, or null when no tie is open.
 * `needsChairDecision.seats` counts every free seat: with at most one prize per axis, two health
 * startups tied with two prizes left share one, the other going to the next axis. `openSeats`
 * replays the selection rule on the tied with the round's rules, which the deliberation carries
 * (the shortlist's quotas, or the final's award count and cap), for the organiser and the chair.
 */
export function tieSeats(deliberation: TieSeatsDeliberation): number | null {
  const pending = deliberation.selection.needsChairDecision;
  if (!pending) return null;
  const axisOf = new Map(deliberation.ranking.map((r) => [r.entrantId, r.axisCode]));
  const axis = (id: number) => axisOf.get(id) ?? '';
  const rules = deliberation.selectionRules;
  return openSeats({
    quotas: { size: rules.count, axisMin: rules.axisMin, axisMax: rules.axisMax },
    roundAxes: deliberation.ranking.map((r) => r.axisCode),
    selectedAxes: deliberation.selection.selectedIds.map(axis),
    tiedAxes: pending.entrantIds.map(axis),
  });
}
