import type { Lang } from '@palmares/contract';

const collators = new Map<Lang, Intl.Collator>();

/**
 * Compares names the way the reader's language sorts them: accents count after letters
 * ("Énergie" sits with the E, not after "Z" as code points would put it), case is ignored, and
 * numbers within names sort by value ("Lot 2" before "Lot 10").
 * @example ['WattÉco', 'Énergie Réseau Plus'].sort(compareNames('fr')) // ['Énergie Réseau Plus', 'WattÉco']
 */
export function compareNames(lang: Lang): (a: string, b: string) => number {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    collators.set(lang, collator);
  }
  return collator.compare;
}

/**
 * A copy of `items` sorted by name in the reader's language.
 * @example sortByName([{ name: 'WattÉco' }, { name: 'Énergie Réseau Plus' }], 'fr', (e) => e.name)
 */
export function sortByName<T>(items: readonly T[], lang: Lang, name: (item: T) => string): T[] {
  const compare = compareNames(lang);
  return [...items].sort((a, b) => compare(name(a), name(b)));
}
