import type { Lang } from '@palmares/contract';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date ("2023-06-13") has no time zone: read it as UTC midnight and format it in UTC,
 * so it shows the same day everywhere.
 */
function toDate(value: string | Date): { date: Date; timeZone?: string } {
  if (value instanceof Date) return { date: value };
  return DATE_ONLY.test(value) ? { date: new Date(`${value}T00:00:00Z`), timeZone: 'UTC' } : { date: new Date(value) };
}

/**
 * Formats a number the way the language writes it.
 * @example formatNumber(6.87, 'fr') // "6,87"
 */
export function formatNumber(value: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  return numberFormat(lang, options).format(value);
}

// A scorecard writes some eighty numbers; building a formatter costs far more than using one.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Formats a date or an ISO string; calendar dates are never shifted by the time zone.
 * @example formatDate('2023-06-13', 'fr') // "13 juin 2023"
 */
export function formatDate(value: string | Date, lang: Lang, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const { date, timeZone } = toDate(value);
  return new Intl.DateTimeFormat(lang, timeZone ? { timeZone, ...options } : options).format(date);
}

/**
 * Formats a span of dates compactly.
 * @example formatDateRange('2023-06-13', '2023-06-15', 'fr') // "13–15 juin 2023"
 */
export function formatDateRange(start: string | Date, end: string | Date, lang: Lang): string {
  const from = toDate(start);
  const to = toDate(end);
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', ...(from.timeZone ? { timeZone: from.timeZone } : {}) });
  return format.formatRange(from.date, to.date);
}

/**
 * Splits a list into its items and the language's separators ("a, b et c"), so each item can be
 * wrapped (in `<bdi>`, with its own `lang`) while the punctuation stays the language's own.
 * @example formatListParts(['A', 'B', 'C'], 'fr') // [{ type: 'element', value: 'A' }, { type: 'literal', value: ', ' }, …, { type: 'literal', value: ' et ' }, …]
 */
export function formatListParts(items: string[], lang: Lang): { type: 'element' | 'literal'; value: string }[] {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).formatToParts(items);
}
