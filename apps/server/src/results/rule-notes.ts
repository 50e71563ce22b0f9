import type { RankResult, Skip } from '@palmares/ranking';
import { prizePlaces } from './prizes.js';

/**
 * Where a selection rule changed who is selected, per entrant: a startup the rules passed over
 * although its score would have placed it (skipped), and one selected, or given a better prize,
 * because of that (promoted). Read from the result only: the rules acted in the ranking's walk.
 */
export interface RuleNote {
  entrant: string;
  kind: 'skipped' | 'promoted';
  rule: Skip['reason'];
  /** Its place by score (competition rank). */
  rank: number;
  /** The prize place (final) or seat number (shortlist) it got; null when skipped. */
  place: number | null;
  /** Skipped by the cap: the selected of its axis that hold the cap. Otherwise empty. */
  heldBy: string[];
}

/**
 * The rule notes of a result, in ranking order (empty without a selection). In a final the prize
 * places are ordered, so every winner placed better than its rank was promoted; a shortlist's
 * seats are not, so only a startup selected from beyond the seat count was.
 * @example
 * ruleNotes(result, 'final'); // [{ entrant: '20', kind: 'skipped', rule: 'axis-max', rank: 2, place: null, heldBy: ['22'] }, …]
 */
export function ruleNotes(result: RankResult, kind: 'final' | 'shortlist'): RuleNote[] {
  const sel = result.selection;
  if (!sel || sel.skipped.length === 0) return [];
  const rows = new Map(result.ranking.map((r) => [r.entrant, r]));
  const placeOf = new Map(prizePlaces(result).flatMap((p) => p.entrants.map((e) => [e, p.place] as const)));
  const skips = sel.skipped.map((s) => ({ ...s, rank: rows.get(s.entrant)?.rank ?? Infinity }));
  const notes: RuleNote[] = [];
  for (const r of result.ranking) {
    if (r.rank === null) continue;
    const skip = skips.find((s) => s.entrant === r.entrant);
    if (skip) {
      const heldBy = skip.reason === 'axis-max' ? sel.selected.filter((e) => rows.get(e)?.axis === r.axis) : [];
      notes.push({ entrant: r.entrant, kind: 'skipped', rule: skip.reason, rank: r.rank, place: null, heldBy });
      continue;
    }
    const place = placeOf.get(r.entrant);
    // Promoted: its place is better than its rank because a startup above it was passed over.
    const above = skips.filter((s) => s.rank < r.rank!);
    const promoted = kind === 'final' ? place !== undefined && place < r.rank : place !== undefined && r.rank > sel.selected.length;
    if (promoted && above.length > 0) {
      notes.push({ entrant: r.entrant, kind: 'promoted', rule: above[above.length - 1]!.reason, rank: r.rank, place: place ?? null, heldBy: [] });
    }
  }
  return notes;
}

/**
 * The prize rules a final's input carries, as the pages state them in words.
 * @example prizeRules(input); // { count: 3, axisMax: 1 }
 */
export function prizeRules(input: { selection?: { count: number; axisMax?: number | Record<string, number> } }): { count: number; axisMax: number | null } {
  const max = input.selection?.axisMax;
  // A final's award cap is one number; only a shortlist's axes have quotas of their own.
  return { count: input.selection?.count ?? 0, axisMax: typeof max === 'number' ? max : null };
}
