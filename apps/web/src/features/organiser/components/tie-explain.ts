import type { Lang } from '@palmares/contract';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../../i18n/format';

/**
 * What the tie settler says above the order: "2 candidats pour 1 place. Ordonnez-les…". The
 * entrants are counted in words of their own (Arabic says مترشّحان for two), the seats are those
 * the tie is really for (see `openSeats`).
 */
export function tieExplain(t: TFunction<'organiser'>, lang: Lang, entrants: number, seats: number): string {
  return t('tie.explain', { count: seats, entrants: t('tie.entrants', { count: entrants, n: formatNumber(entrants, lang) }) });
}
