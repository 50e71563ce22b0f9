import { ERROR_CODES, type Lang } from '@palmares/contract';
import { createInstance, type TFunction } from 'i18next';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import ar from '../../i18n/locales/ar.json';
import en from '../../i18n/locales/en.json';
import fr from '../../i18n/locales/fr.json';
import { describeProblem } from './field-errors';

const catalogs = { fr, en, ar };
const LANGS: Lang[] = ['fr', 'en', 'ar'];
const root = fileURLToPath(new URL('../../../../..', import.meta.url));

async function tOf(lang: Lang): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: catalogs[lang] } }, interpolation: { escapeValue: false } });
  return i18n.getFixedT(lang);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every rule name the server can put in an error detail, read from its source: `rule: '…'`, the
 * `conflict(rule, …)` helpers, and the contract's named cross-field rules. Left out: the access
 * rules of the reliability suite and the ranking's rule notes (not refusals), and the lock
 * screen's `remaining` counters (figures read from the detail, not a refusal of their own).
 */
function serverRules(): Map<string, string> {
  const found = new Map<string, string>();
  const files = [...sources(join(root, 'apps/server/src')), ...sources(join(root, 'packages/contract/src'))].filter(
    (f) => !f.includes('/reliability/') && !f.endsWith('rule-notes.ts'),
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // Most `conflict` helpers take the rule first; the live routes' takes it last.
    const ruleLast = text.includes('const conflict = (message: string, path: string, rule: string)');
    const patterns = [/rule: '([a-z_-]+)'/g, /named\('([a-z_-]+)'/g, ruleLast ? /conflict\((?:`[^`]*`|'[^']*'),\s*'[^']*',\s*'([a-z_-]+)'\)/g : /conflict\('([a-z_-]+)'/g];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const rule = match[1];
        if (rule && rule !== 'remaining') found.set(rule, relative(root, file));
      }
    }
  }
  return found;
}

describe('refusals in the reader’s language', () => {
  test('the scan finds the rules the organiser meets (so the next test cannot pass on an empty list)', () => {
    const rules = [...serverRules().keys()];
    expect(rules).toEqual(expect.arrayContaining(['one_per_level', 'infeasible', 'unassigned', 'transition', 'snapshot-stale', 'no_final', 'missing', 'ends_before_start', 'missing_column']));
  });

  test.each(LANGS)('every rule the server can send has its own sentence in %s, with no figure left unfilled', async (lang) => {
    const t = await tOf(lang);
    const general = t('common.fieldErrors.invalid');
    const unworded: string[] = [];
    for (const [rule, file] of serverRules()) {
      const text = describeProblem({ path: 'x', rule, params: { lang: 'ar', count: 5, min: 1, max: 5, column: 'name', accepted: 'name, nom', state: 'open' } }, t, lang);
      if (text === general || text.includes('{{') || text.includes('common.')) unworded.push(`${rule} (${file}): ${text}`);
    }
    expect(unworded).toEqual([]);
  });

  test.each(LANGS)('every error code, the client’s own included, has a sentence in %s', async (lang) => {
    const t = await tOf(lang);
    for (const code of [...ERROR_CODES, 'NETWORK', 'UNEXPECTED_RESPONSE']) {
      const text = t(`common.errorCodes.${code}` as never) as string;
      expect({ code, text }).toEqual({ code, text: expect.not.stringMatching(/^common\.|[A-Z_]{6,}/) });
    }
  });

  test('a quota no ranking can meet is worded with its figures, in French and Arabic', async () => {
    const frT = await tOf('fr');
    const arT = await tOf('ar');
    const axis = { path: 'shortlist.axisMin', rule: 'infeasible', params: { axis: 'social', count: 1, min: 2 } };
    const seats = { path: 'shortlist.axisMin', rule: 'infeasible', params: { axes: 5, min: 3, seats: 12 } };
    expect(describeProblem(axis, frT, 'fr')).toBe('L’axe « social » n’a que 1 candidature, moins que le minimum de 2 par axe.');
    expect(describeProblem(seats, frT, 'fr')).toBe('5 axes × 3 par axe dépassent les 12 places de la sélection.');
    expect(describeProblem(axis, arT, 'ar')).toContain('«social»');
    expect(describeProblem(seats, arT, 'ar')).toContain('(12)');
  });

  test('a round that changed state is named in the reader’s words', async () => {
    const t = await tOf('fr');
    expect(describeProblem({ path: 'state', rule: 'transition', params: { state: 'open' } }, t, 'fr')).toBe('Ce tour est maintenant ouvert : rechargez la page pour voir ce qui reste possible.');
  });
});
