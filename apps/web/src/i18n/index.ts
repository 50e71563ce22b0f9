import type { Lang } from '@palmares/contract';
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, directionOf, isLang, readStoredLanguage, storeLanguage, SUPPORTED_LANGUAGES, toLang } from './language';
import { BUNDLED_NAMESPACES, bundledResources, lazyCatalogs, shellCatalogs, type LazyNamespace, type ShellNamespace } from './resources';

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

const isLazyNamespace = (ns: string): ns is LazyNamespace => Object.hasOwn(lazyCatalogs, ns);
const isShellNamespace = (ns: string): ns is ShellNamespace => (BUNDLED_NAMESPACES as readonly string[]).includes(ns);

/**
 * Loads a catalog in one language when it is first needed: a feature's with its screen, the
 * shell's in a language other than French (which is bundled) before the first render or a switch.
 */
const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(lng, ns, callback) {
    if (!isLang(lng)) return callback(null, {});
    const fail = (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false);
    if (isShellNamespace(ns)) return void shellCatalogs[lng]().then((catalogs) => callback(null, catalogs[ns]), fail);
    if (!isLazyNamespace(ns)) return callback(null, {});
    lazyCatalogs[ns][lng]().then((catalog) => callback(null, catalog.default), fail);
  },
};

i18n.on('languageChanged', (tag) => applyToDocument(toLang(tag)));

void i18n
  .use(initReactI18next)
  .use(lazyBackend)
  .init({
    resources: bundledResources,
    partialBundledLanguages: true,
    ns: [...BUNDLED_NAMESPACES],
    lng: readStoredLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/**
 * Resolves once the shell's catalogs of the language shown are there (at once in French): the
 * first render waits for it, so it is never French for a moment on an Arabic tablet. Never rejects
 * (offline without the file, the French fallback shows).
 */
export function whenShellCatalogsLoaded(): Promise<void> {
  return i18n.loadNamespaces([...BUNDLED_NAMESPACES]).catch(() => undefined);
}

/**
 * Fetches the shell's catalogs of every language, once the screen is up: a switch of language then
 * works without the network even where no service worker keeps the files (blocked, private mode).
 */
export function preloadShellCatalogs(): Promise<void> {
  return Promise.all(SUPPORTED_LANGUAGES.map((lang) => shellCatalogs[lang]())).then(
    () => undefined,
    () => undefined,
  );
}

/** Switches the whole UI (text, `lang`, `dir`) and remembers the choice on this device. */
export async function changeLanguage(lang: Lang): Promise<void> {
  storeLanguage(lang);
  await i18n.changeLanguage(lang);
}

/**
 * Resolves once a feature's catalogs are there in the current language (and the fallback), so
 * its screen never renders raw keys. A language switch later loads them in the new language
 * before the switch shows.
 */
export async function loadCatalogs(namespaces: readonly LazyNamespace[]): Promise<void> {
  await i18n.loadNamespaces([...namespaces]);
}

export { i18n };
