import type { Deliberation } from '@palmares/contract';
import type { RankResult } from '@palmares/ranking';

/** The result's selection with entrant ids as numbers. */
export function selectionView(result: RankResult): Deliberation['selection'] {
  const sel = result.selection;
  return {
    selectedIds: (sel?.selected ?? []).map(Number),
    skipped: (sel?.skipped ?? []).map((s) => ({ entrantId: Number(s.entrant), reason: s.reason })),
    needsChairDecision: sel?.needsChairDecision
      ? { entrantIds: sel.needsChairDecision.entrants.map(Number), seats: sel.needsChairDecision.seats }
      : null,
    sharedPlaces: (sel?.sharedPlaces ?? []).map((g) => g.map(Number)),
  };
}
