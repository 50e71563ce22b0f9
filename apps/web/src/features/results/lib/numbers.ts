import type { Lang } from '@palmares/contract';
import { formatDisplay } from '@palmares/ranking';

/** Latin digits everywhere (as the CSV exports), with the language's decimal separator. */
const NUMBER_LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-MA' };

/**
 * A result's display string ("6.87", as many decimals as the ranking chose) in the reader's
 * language, without going through a float.
 * @example localDecimal('6.87', 'fr') // "6,87"
 */
export function localDecimal(display: string, lang: Lang): string {
  const decimals = display.includes('.') ? (display.split('.')[1]?.length ?? 0) : 0;
  return formatDisplay(display, { locale: NUMBER_LOCALES[lang], decimals }) ?? display;
}

/**
 * A result (a score, a mean) in the reader's language, or a dash where there is none.
 * @example localResult({ display: '6.87' }, 'fr') // "6,87"
 * @example localResult(null, 'fr') // "—"
 */
export const localResult = (result: { display: string } | null, lang: Lang) => (result ? localDecimal(result.display, lang) : '—');

/** A float (statistics, chart values) with a fixed number of decimals, in the reader's language. */
export function localFloat(value: number, lang: Lang, decimals = 2): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A whole percentage ("87 %" in French). */
export function localPercent(value: number, lang: Lang): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** Bidi isolation for a name inside a sentence (what `<bdi>` does, for plain strings). */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * Names joined the language's way ("A, B et C", "A وB") , each isolated for bidi.
 * @example nameList(['A', 'B'], 'fr') // "\u2068A\u2069 et \u2068B\u2069"
 */
export function nameList(names: string[], lang: Lang): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names.map(isolate));
}
