import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** The UI catalogs; French is the reference every other catalog mirrors. */
export const resources = {
  fr: { translation: fr },
  en: { translation: en },
  ar: { translation: ar },
} as const;

export type Catalog = typeof fr;
