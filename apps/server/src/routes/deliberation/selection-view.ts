import type { Deliberation } from '@palmares/contract';
import type { RankDetail, RankResult } from '@palmares/ranking';
import type { ShortlistQuotas } from '../../results/axis-quotas.js';
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
 * quotas as the ranking reads them, no minimum (0) and no cap (null). A shortlist whose axes have
 * their own quotas carries maps: the default and the exceptions then come from `quotas`.
 */
export function selectionRulesView(selection: NonNullable<RoundRankingInput['selection']>, quotas?: ShortlistQuotas): Deliberation['selectionRules'] {
  if (quotas && (typeof selection.axisMin === 'object' || typeof selection.axisMax === 'object')) {
    return { count: selection.count, axisMin: quotas.axisMin, axisMax: quotas.axisMax, perAxis: quotas.perAxis };
  }
  const one = (q: number | Record<string, number> | undefined) => (typeof q === 'number' ? q : undefined);
  return { count: selection.count, axisMin: one(selection.axisMin) ?? 0, axisMax: one(selection.axisMax) ?? null };
}
