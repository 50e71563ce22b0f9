import { prepareNumberFormat } from './i18n/format';
import { readStoredLanguage } from './i18n/language';

/*
 * An `async` script of its own, a few hundred bytes that arrive long before the app's JavaScript
 * (the build adds it to index.html, vite.plugins.ts): it builds the number formatter of the
 * reader's language while the main thread would otherwise wait on the network. The browser's
 * first formatter loads its locale data, some 300 ms on a throttled tablet profile, which the
 * first screen would otherwise spend before it shows; the app shares the formatter through the
 * same module.
 */
prepareNumberFormat(readStoredLanguage());
