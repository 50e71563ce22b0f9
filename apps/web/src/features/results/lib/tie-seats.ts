import type { Deliberation } from '@palmares/contract';

/** What of the deliberation the count needs: its selection. */
export interface TieSeatsDeliberation {
  selection: Pick<Deliberation['selection'], 'needsChairDecision'>;
}

/**
 * The seats the deliberation's open tie is really for, or null when no tie is open.
 * `needsChairDecision.seats` counts every free seat: with at most one prize per axis, two health
 * startups tied with two prizes left share one, the other going to the next axis. The ranking
 * computes the seats the tie is for (`open`, decision 015); the screen only reads it.
 */
export function tieSeats(deliberation: TieSeatsDeliberation): number | null {
  return deliberation.selection.needsChairDecision?.open ?? null;
}
