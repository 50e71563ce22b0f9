import type { Lang, Translated } from '@palmares/contract';
import { LANGUAGES } from '../lib/contract-constants';

export interface ResolvedText {
  text: string;
  /** The language the text is really in, for the element's `lang` attribute. */
  lang: Lang;
}

/**
 * Picks the text for `lang`, else the competition's default language, else any language given.
 * @example resolveTranslation({ fr: 'Équipe' }, 'ar', 'fr') // { text: 'Équipe', lang: 'fr' }
 */
export function resolveTranslation(labels: Translated, lang: Lang, fallbackLang: Lang): ResolvedText {
  for (const candidate of [lang, fallbackLang, ...LANGUAGES]) {
    const text = labels[candidate];
    if (text !== undefined && text.trim() !== '') return { text, lang: candidate };
  }
  return { text: '', lang: fallbackLang };
}

/**
 * Translated competition content (axis labels, criteria) in the reader's language.
 * @example pickTranslation({ fr: 'Équipe', en: 'Team' }, 'en', 'fr') // "Team"
 */
export function pickTranslation(labels: Translated, lang: Lang, fallbackLang: Lang): string {
  return resolveTranslation(labels, lang, fallbackLang).text;
}
