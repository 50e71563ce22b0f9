import type { Lang, Translated } from '@palmares/contract';
import { resolveTranslation } from '../../i18n/pick-translation';
import { useLanguage } from '../../i18n/use-language';

interface TranslatedTextProps {
  labels: Translated;
  fallbackLang: Lang;
}

/**
 * Competition content in the reader's language; when it falls back to another language, the text
 * carries that `lang` so screen readers pronounce it right.
 */
export function TranslatedText({ labels, fallbackLang }: TranslatedTextProps) {
  const lang = useLanguage();
  const resolved = resolveTranslation(labels, lang, fallbackLang);
  return resolved.lang === lang ? <>{resolved.text}</> : <span lang={resolved.lang}>{resolved.text}</span>;
}
