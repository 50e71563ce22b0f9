import { LANGUAGES, LangSchema, type Lang } from '@palmares/contract';

export const DEFAULT_LANGUAGE: Lang = 'fr';
export const SUPPORTED_LANGUAGES = LANGUAGES;
const STORAGE_KEY = 'palmares.language';
const RTL_LANGUAGES: ReadonlySet<Lang> = new Set(['ar']);

export function directionOf(lang: Lang): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/** Narrows any language tag i18next reports ("fr", "ar-MA", undefined) to one of ours. */
export function toLang(tag: string | undefined): Lang {
  const parsed = LangSchema.safeParse(tag?.slice(0, 2));
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

/** The language chosen last time on this device (storage may be unavailable: private mode). */
export function readStoredLanguage(): Lang {
  try {
    return toLang(globalThis.localStorage?.getItem(STORAGE_KEY) ?? undefined);
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
}
