import { describe, expect, test } from 'vitest';
import { compareNames, sortByName } from './collate';

describe('names sorted as the reader reads them', () => {
  test.each(['fr', 'en', 'ar'] as const)('in %s, "Énergie Réseau Plus" comes before "WattÉco" and "éco" sits with "Eco"', (lang) => {
    expect(['WattÉco', 'Zèbre', 'Énergie Réseau Plus', 'Azur'].sort(compareNames(lang))).toEqual(['Azur', 'Énergie Réseau Plus', 'WattÉco', 'Zèbre']);
    expect(compareNames(lang)('éco', 'Eco')).toBe(0);
  });

  test('numbers inside names sort by value, and Arabic names follow the Arabic alphabet', () => {
    expect(sortByName([{ n: 'Lot 10' }, { n: 'Lot 2' }], 'fr', (x) => x.n).map((x) => x.n)).toEqual(['Lot 2', 'Lot 10']);
    expect(['ياسمين', 'بدر', 'أمل'].sort(compareNames('ar'))).toEqual(['أمل', 'بدر', 'ياسمين']);
  });
});
