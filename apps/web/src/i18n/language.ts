import type { Lang } from '@palmares/contract';
import { LANGUAGES } from '../lib/contract-constants';

export const DEFAULT_LANGUAGE: Lang = 'fr';
export const SUPPORTED_LANGUAGES = LANGUAGES;
const STORAGE_KEY = 'palmares.language';
const RTL_LANGUAGES: ReadonlySet<Lang> = new Set(['ar']);

export function directionOf(lang: Lang): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/** Whether a tag is exactly one of the languages the UI is written in. */
export function isLang(tag: string | undefined): tag is Lang {
  return (LANGUAGES as readonly (string | undefined)[]).includes(tag);
}

/** Narrows any language tag i18next reports ("fr", "ar-MA", undefined) to one of ours. */
export function toLang(tag: string | undefined): Lang {
  const primary = tag?.slice(0, 2);
  return isLang(primary) ? primary : DEFAULT_LANGUAGE;
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
