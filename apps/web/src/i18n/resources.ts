import type { Lang } from '@palmares/contract';
import jurorFr from '../features/juror/locales/fr.json';
import type organiserFr from '../features/organiser/locales/fr.json';
import type resultsFr from '../features/results/locales/fr.json';
import fr from './locales/fr.json';

/**
 * The UI catalogs; French is the reference every other catalog mirrors. Shared strings live in
 * the default `translation` namespace; each large feature keeps its own namespace beside its code
 * (`useTranslation('juror')`), so features do not edit one another's catalogs.
 *
 * The shared and the juror's catalogs (the shell's) are needed before the first screen, and
 * offline: French, the default, is bundled; English and Arabic load before the first render when
 * the tablet shows them, and on a switch (the service worker keeps them for offline). The
 * organiser's and the results' catalogs load with their screens, in the language shown only
 * (budget: 160 KB of gzipped JS before the scorecard).
 */
export const bundledResources = {
  fr: { translation: fr, juror: jurorFr },
} as const;

export const BUNDLED_NAMESPACES = ['translation', 'juror'] as const;
export type ShellNamespace = (typeof BUNDLED_NAMESPACES)[number];

/** The shell's catalogs of each language: French at once, the others from their own file. */
export const shellCatalogs: Record<Lang, () => Promise<Record<ShellNamespace, Record<string, unknown>>>> = {
  fr: () => Promise.resolve(bundledResources.fr),
  en: async () => (await import('./shell/en')).default,
  ar: async () => (await import('./shell/ar')).default,
};

/** Each language's catalog of the feature (their plural keys differ, so they are not typed as French). */
type Loaders = Record<Lang, () => Promise<{ default: Record<string, unknown> }>>;

export const lazyCatalogs: { organiser: Loaders; results: Loaders } = {
  organiser: {
    fr: () => import('../features/organiser/locales/fr.json'),
    en: () => import('../features/organiser/locales/en.json'),
    ar: () => import('../features/organiser/locales/ar.json'),
  },
  results: {
    fr: () => import('../features/results/locales/fr.json'),
    en: () => import('../features/results/locales/en.json'),
    ar: () => import('../features/results/locales/ar.json'),
  },
};

export type LazyNamespace = keyof typeof lazyCatalogs;

export type Catalog = typeof fr;
export type Catalogs = (typeof bundledResources)['fr'] & { organiser: typeof organiserFr; results: typeof resultsFr };
