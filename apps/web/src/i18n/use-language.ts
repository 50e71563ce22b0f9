import type { Lang } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { toLang } from './language';

/** The current UI language; components re-render when it changes. */
export function useLanguage(): Lang {
  const { i18n } = useTranslation();
  return toLang(i18n.resolvedLanguage ?? i18n.language);
}
