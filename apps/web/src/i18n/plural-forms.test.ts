import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * Every counted sentence has each plural form its language uses (CLDR), so "2" never falls back to
 * another form's words: Arabic has six (zero, one, two, few, many, other), French and English have
 * their own. A missing form is listed by file and key.
 */
const FORMS: Record<string, string[]> = {
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
  fr: ['one', 'many', 'other'],
  en: ['one', 'other'],
};

type Catalog = { [key: string]: string | Catalog };

function missingForms(catalog: Catalog, forms: string[], prefix = ''): string[] {
  const missing: string[] = [];
  const counted = new Set(
    Object.keys(catalog)
      .filter((k) => typeof catalog[k] === 'string' && /_(zero|one|two|few|many|other)$/.test(k))
      .map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')),
  );
  for (const base of counted) {
    for (const form of forms) if (!(`${base}_${form}` in catalog)) missing.push(`${prefix}${base}_${form}`);
  }
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value !== 'string') missing.push(...missingForms(value, forms, `${prefix}${key}.`));
  }
  return missing;
}

const root = new URL('..', import.meta.url).pathname;

describe('plural forms in every catalog', () => {
  for (const [lang, forms] of Object.entries(FORMS)) {
    test(`${lang}: each counted sentence has its ${forms.length} forms`, () => {
      const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(`locales/${lang}.json`));
      expect(files.length).toBeGreaterThan(1);
      const missing = files.flatMap((file) =>
        missingForms(JSON.parse(readFileSync(root + file, 'utf8')) as Catalog, forms).map((key) => `${file}: ${key}`),
      );
      expect(missing).toEqual([]);
    });
  }
});
