import type { Deliberation } from '@palmares/contract';
import type { RankDetail, RankResult } from '@palmares/ranking';
import type { RoundRankingInput } from '../../results/ranking-input.js';

/** The result's selection with entrant ids as numbers, an open tie with the seats it is for. */
export function selectionView(result: RankResult, detail: Pick<RankDetail, 'openSeats'>): Deliberation['selection'] {
  const sel = result.selection;
  return {
    selectedIds: (sel?.selected ?? []).map(Number),
    skipped: (sel?.skipped ?? []).map((s) => ({ entrantId: Number(s.entrant), reason: s.reason })),
    needsChairDecision: sel?.needsChairDecision
      ? { entrantIds: sel.needsChairDecision.entrants.map(Number), seats: sel.needsChairDecision.seats, open: detail.openSeats ?? 0 }
      : null,
    sharedPlaces: (sel?.sharedPlaces ?? []).map((g) => g.map(Number)),
  };
}

/**
 * The round's selection rules as the ranking input carries them (`roundRankingInput`): absent
 * quotas as the ranking reads them, no minimum (0) and no cap (null).
 */
export function selectionRulesView(selection: NonNullable<RoundRankingInput['selection']>): Deliberation['selectionRules'] {
  return { count: selection.count, axisMin: selection.axisMin ?? 0, axisMax: selection.axisMax ?? null };
}
