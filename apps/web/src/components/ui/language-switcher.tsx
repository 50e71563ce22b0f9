import type { Lang } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n';
import { directionOf, SUPPORTED_LANGUAGES } from '../../i18n/language';
import { useLanguage } from '../../i18n/use-language';

/** Short marks on the buttons; each is written in its own language and script. */
const MARKS: Record<Lang, string> = { fr: 'FR', en: 'EN', ar: 'ع' };

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.group')}>
      {SUPPORTED_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className="language-switcher__button"
          lang={lang}
          dir={directionOf(lang)}
          aria-label={t(`language.${lang}`)}
          aria-pressed={lang === current}
          onClick={() => void changeLanguage(lang)}
        >
          {MARKS[lang]}
        </button>
      ))}
    </div>
  );
}
