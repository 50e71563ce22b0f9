import type { Lang } from '@palmares/contract';

const formats = new Map<Lang, Intl.RelativeTimeFormat>();

function formatFor(lang: Lang): Intl.RelativeTimeFormat {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    formats.set(lang, format);
  }
  return format;
}

/**
 * "il y a 12 secondes", "il y a 3 minutes", in the reader's language.
 * @example relativeTime(12_000, 'fr') // "il y a 12 secondes"
 */
export function relativeTime(elapsedMs: number, lang: Lang): string {
  const format = formatFor(lang);
  const seconds = Math.max(0, Math.round(elapsedMs / 1000));
  if (seconds < 60) return format.format(-seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}
