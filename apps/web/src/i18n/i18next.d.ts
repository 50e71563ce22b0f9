import 'i18next';
import type { Catalogs } from './resources';

// Typed keys: `t('login.titel')` is a compile error, and every catalog is checked against French.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: Catalogs;
  }
}
