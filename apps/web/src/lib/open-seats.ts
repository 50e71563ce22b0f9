/**
 * A selection's pre-registered quotas, as the competition's rules give them: the shortlist's as
 * they are (`rules.shortlist`), the final's awards as `{ size: count, axisMin: 0, axisMax }`.
 */
export interface SelectionQuotas {
  size: number;
  /** At least this many from every axis among the round's entrants (0: no minimum). */
  axisMin: number;
  /** At most this many from any one axis (null: no cap). */
  axisMax: number | null;
}

export interface TieSeatsInput {
  quotas: SelectionQuotas;
  /** The axis of every entrant of the round: the minimum applies to each of these axes. */
  roundAxes: readonly string[];
  /** The axes of the entrants selected before the tie, one entry each. */
  selectedAxes: readonly string[];
  /** The axes of the tied entrants, one entry each. */
  tiedAxes: readonly string[];
}

/**
 * How many of the tied entrants the selection (shortlist or awards) can still take: the seats the
 * tie is really for.
 * The ranking's `needsChairDecision.seats` counts every free seat (RANKING.md), including those
 * kept for axes still under their minimum and those the tied entrants' own axis cap closes to
 * them, so "2 entrants for 2 seats" can be a tie for one. This replays the ranking's selection
 * rule (packages/ranking/src/selection.ts) on the tied entrants: take one whenever its axis is
 * under the cap and the seats left still cover every axis's minimum. The feasible sets form a
 * matroid, so the count does not depend on the order they are tried in.
 * @example
 * // 2 seats free, one owed to Social (minimum 1): City 1 and City 2 are tied for one seat.
 * openSeats({ quotas: { size: 4, axisMin: 1, axisMax: 2 }, roundAxes: ['green', 'city', 'social'],
 *   selectedAxes: ['green', 'green'], tiedAxes: ['city', 'city'] }) // 1
 */
export function openSeats({ quotas, roundAxes, selectedAxes, tiedAxes }: TieSeatsInput): number {
  const taken = new Map<string, number>();
  const count = (axis: string) => taken.get(axis) ?? 0;
  for (const axis of selectedAxes) taken.set(axis, count(axis) + 1);
  const axes = new Set(roundAxes);
  const owed = () => [...axes].reduce((sum, axis) => sum + Math.max(0, quotas.axisMin - count(axis)), 0);
  let left = quotas.size - selectedAxes.length;
  let open = 0;
  for (const axis of tiedAxes) {
    if (left === 0) break;
    if (quotas.axisMax !== null && count(axis) >= quotas.axisMax) continue;
    const owedAfter = owed() - (count(axis) < quotas.axisMin && axes.has(axis) ? 1 : 0);
    if (owedAfter > left - 1) continue;
    taken.set(axis, count(axis) + 1);
    left--;
    open++;
  }
  return open;
}
