import type { Lang } from '@palmares/contract';
import { formatNumber } from '../../i18n/format';

/** The two plural entries a screen's catalog gives the tie settler's sentence. */
export interface TieExplainWords {
  /** The tied entrants in words of their own, plural on `count`, the number as `n` (Arabic: مترشّحان for two). */
  entrants: (options: { count: number; n: string }) => string;
  /** The sentence, plural on `count` (the seats the tie is for), the entrants' words as `entrants`. */
  explain: (options: { count: number; entrants: string }) => string;
}

/**
 * What a tie settler says above the order: "2 candidats pour 1 place. Ordonnez-les…". The
 * entrants are counted in words of their own (Arabic says مترشّحان for two, not "2 مترشّحين"); the
 * seats are those the tie is really for (the ranking's `openSeats`, decision 015), not the ranking's
 * `needsChairDecision.seats`. Each screen passes its own catalog's entries:
 * @example
 * tieExplain({ entrants: (o) => t('tie.entrants', o), explain: (o) => t('tie.explain', o) }, lang, 2, 1);
 */
export function tieExplain(words: TieExplainWords, lang: Lang, entrants: number, seats: number): string {
  return words.explain({ count: seats, entrants: words.entrants({ count: entrants, n: formatNumber(entrants, lang) }) });
}
