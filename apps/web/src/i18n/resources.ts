import jurorAr from '../features/juror/locales/ar.json';
import jurorEn from '../features/juror/locales/en.json';
import jurorFr from '../features/juror/locales/fr.json';
import organiserAr from '../features/organiser/locales/ar.json';
import organiserEn from '../features/organiser/locales/en.json';
import organiserFr from '../features/organiser/locales/fr.json';
import resultsAr from '../features/results/locales/ar.json';
import resultsEn from '../features/results/locales/en.json';
import resultsFr from '../features/results/locales/fr.json';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';

/**
 * The UI catalogs; French is the reference every other catalog mirrors. Shared strings live in
 * the default `translation` namespace; each large feature keeps its own namespace beside its code
 * (`useTranslation('juror')`), so features do not edit one another's catalogs.
 */
export const resources = {
  fr: { translation: fr, juror: jurorFr, organiser: organiserFr, results: resultsFr },
  en: { translation: en, juror: jurorEn, organiser: organiserEn, results: resultsEn },
  ar: { translation: ar, juror: jurorAr, organiser: organiserAr, results: resultsAr },
} as const;

export type Catalog = typeof fr;
export type Catalogs = (typeof resources)['fr'];
