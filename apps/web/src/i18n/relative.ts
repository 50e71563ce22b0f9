import type { Lang } from '@palmares/contract';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/**
 * How long ago a moment was, in the reader's language, in the largest whole unit.
 * @example formatAge('2026-06-13T09:00:00Z', Date.parse('2026-06-13T11:30:00Z'), 'fr') // "il y a 2 heures"
 */
export function formatAge(iso: string, now: number, lang: Lang): string {
  let value = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  for (const [unit, size] of STEPS) {
    if (value < size) return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-value, unit);
    value = Math.floor(value / size);
  }
  return '';
}

/**
 * A file size in the reader's language: "842 ko", "3,4 Mo" in French.
 * @example formatBytes(3_400_000, 'fr') // "3,4 Mo"
 */
export function formatBytes(bytes: number, lang: Lang): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
