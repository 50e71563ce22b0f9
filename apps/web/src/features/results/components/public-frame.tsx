import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../../components/ui/language-switcher';

/** The frame of pages anyone may open (startup, winners, chair): the name and the languages. */
export function PublicFrame({ children, context }: { children: ReactNode; context?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-header__brand">
            <span className="app-header__name">
              <span className="app-header__logo" aria-hidden="true" />
              {t('app.name')}
            </span>
            {context ? (
              <span className="app-header__context">
                <bdi>{context}</bdi>
              </span>
            ) : null}
          </div>
          <div className="app-header__nav">
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" className="page res-page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
