import type { RankResult } from '@palmares/ranking';

/**
 * The award winners in prize order. Winners selected with the same rank share a place (ex aequo,
 * from `sharedPlaces`); once the chair has ordered them their ranks differ and so do their places.
 */
export function prizePlaces(result: RankResult): { place: number; exAequo: boolean; entrants: string[] }[] {
  const selected = result.selection?.selected ?? [];
  const rankOf = new Map(result.ranking.map((r) => [r.entrant, r.rank ?? Infinity]));
  const places: { place: number; exAequo: boolean; entrants: string[] }[] = [];
  selected.forEach((e, i) => {
    const last = places[places.length - 1];
    const prev = selected[i - 1];
    if (last && prev !== undefined && rankOf.get(prev) === rankOf.get(e)) {
      last.entrants.push(e);
      last.exAequo = true;
    } else places.push({ place: i + 1, exAequo: false, entrants: [e] });
  });
  return places;
}
