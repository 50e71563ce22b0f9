import type { RankResult } from '@palmares/ranking';
import type { StartupPlace } from '@palmares/contract';
import { prizePlaces } from './prizes.js';

/** Competition ranking within a subset: 1 + the number of rows strictly ahead. */
function placeAmong(rows: RankResult['ranking'], entrant: string) {
  const mine = rows.find((r) => r.entrant === entrant);
  if (!mine || mine.rank === null) return null;
  const ranked = rows.filter((r) => r.rank !== null);
  return {
    place: 1 + ranked.filter((r) => r.rank! < mine.rank!).length,
    of: ranked.length,
    shared: ranked.some((r) => r.entrant !== entrant && r.rank === mine.rank),
  };
}

/**
 * A place as the organiser chose to show it: exact, or the smallest band that holds it among
 * `bands` (e.g. top 3 / top 6 / all 12 overall).
 */
function shownPlace(p: { place: number; of: number; shared: boolean }, display: 'exact' | 'band', bands: number[]): StartupPlace {
  if (display === 'exact') return { kind: 'exact', ...p };
  const top = [...bands, p.of].filter((b) => b > 0).sort((a, b) => a - b).find((b) => b >= p.place) ?? p.of;
  return { kind: 'band', top, of: p.of };
}

/** The startup's place overall and within its theme axis, and its prize if it won one. */
export function placesOf(result: RankResult, entrant: string, display: 'exact' | 'band', awardCount: number) {
  const row = result.ranking.find((r) => r.entrant === entrant);
  const overall = placeAmong(result.ranking, entrant);
  const axis = placeAmong(result.ranking.filter((r) => r.axis === row?.axis), entrant);
  if (!row || !overall || !axis) return null;
  const prize = prizePlaces(result).find((p) => p.entrants.includes(entrant));
  const award = prize ? { place: prize.place, exAequo: prize.exAequo } : null;
  return {
    overall: shownPlace(overall, display, [awardCount, Math.ceil(overall.of / 2)]),
    axis: shownPlace(axis, display, [1, Math.ceil(axis.of / 2)]),
    award,
  };
}
