import type { Lang } from '@palmares/contract';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, directionOf, readStoredLanguage, storeLanguage, SUPPORTED_LANGUAGES, toLang } from './language';
import { resources } from './resources';

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

i18n.on('languageChanged', (tag) => applyToDocument(toLang(tag)));

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the whole UI (text, `lang`, `dir`) and remembers the choice on this device. */
export async function changeLanguage(lang: Lang): Promise<void> {
  storeLanguage(lang);
  await i18n.changeLanguage(lang);
}

export { i18n };
