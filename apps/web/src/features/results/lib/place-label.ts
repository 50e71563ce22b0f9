import type { TFunction } from 'i18next';

/** "1st prize", "2nd prize"…, written out per language (ordinals differ too much for plurals). */
export function placeLabel(t: TFunction<'results'>, place: number): string {
  if (place === 1) return t('winners.first');
  if (place === 2) return t('winners.second');
  if (place === 3) return t('winners.third');
  return t('winners.nth', { place });
}
