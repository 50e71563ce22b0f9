import { LANGUAGES } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { formatDate, formatDateRange, formatListParts, formatNumber } from './format';
import { pickTranslation } from './pick-translation';
import { lazyCatalogs, shellCatalogs, type LazyNamespace } from './resources';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('format', () => {
  test('French writes 6.87 with a decimal comma', () => {
    expect(formatNumber(6.87, 'fr')).toBe('6,87');
  });

  test('English writes 6.87 with a decimal point', () => {
    expect(formatNumber(6.87, 'en')).toBe('6.87');
  });

  test('a calendar date keeps its day whatever the time zone', () => {
    expect(formatDate('2023-06-13', 'fr')).toBe('13 juin 2023');
  });

  test('a date range is written compactly in French', () => {
    expect(formatDateRange('2023-06-13', '2023-06-15', 'fr')).toBe('13–15 juin 2023');
  });
});

type Lang = (typeof LANGUAGES)[number];

/** Every catalog of a language, the bundled ones and those loaded with their screens. */
async function catalogsOf(lang: Lang): Promise<Record<string, unknown>> {
  const lazy = await Promise.all(
    (Object.keys(lazyCatalogs) as LazyNamespace[]).map(async (ns) => [ns, (await lazyCatalogs[ns][lang]()).default] as const),
  );
  return { ...(await shellCatalogs[lang]()), ...Object.fromEntries(lazy) };
}

const resources = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => [lang, await catalogsOf(lang)] as const))) as Record<Lang, Record<string, unknown>>;

describe('catalogs', () => {
  // Every namespace's keys, prefixed with the namespace, so one comparison covers them all.
  const allKeys = (lang: Lang) =>
    Object.entries(resources[lang]).flatMap(([ns, catalog]) => keysOf(catalog).map((key) => `${ns}:${key}`));
  const base = (lang: Lang) => [...new Set(allKeys(lang).map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();

  test.each(LANGUAGES)('the %s catalogs have exactly the keys of the French ones', (lang) => {
    expect(base(lang)).toEqual(base('fr'));
  });

  test.each(LANGUAGES)('every plural in the %s catalogs has the forms the language needs', (lang) => {
    const keys = allKeys(lang);
    const plurals = new Set(keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const plural of plurals) {
      for (const category of categories) expect(keys).toContain(`${plural}_${category}`);
    }
  });
});

describe('pickTranslation', () => {
  test('falls back to the default language when the reader’s is missing', () => {
    expect(pickTranslation({ fr: 'Équipe' }, 'ar', 'fr')).toBe('Équipe');
  });

  test('prefers the reader’s language when it is given', () => {
    expect(pickTranslation({ fr: 'Équipe', ar: 'الفريق' }, 'ar', 'fr')).toBe('الفريق');
  });
});

describe('formatListParts', () => {
  test('joins a French list with commas and "et"', () => {
    expect(formatListParts(['Français', 'English', 'العربية'], 'fr').map((p) => p.value).join('')).toBe('Français, English et العربية');
  });
});
