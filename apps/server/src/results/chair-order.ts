/**
 * The `chairOrder` fed to the ranking, from the chair's decisions in the order they were taken.
 * Each decision orders one tie group; a later decision about the same entrants replaces the
 * earlier one's order for them (they are moved to the end, in the new order). Only positions
 * within one tie group matter to the ranking, so groups decided separately never interfere.
 */
export function chairOrderOf(decisions: readonly { entrantIds: readonly number[] }[]): string[] | undefined {
  if (decisions.length === 0) return undefined;
  let order: string[] = [];
  for (const d of decisions) {
    const ids = d.entrantIds.map(String);
    order = [...order.filter((id) => !ids.includes(id)), ...ids];
  }
  return order;
}
