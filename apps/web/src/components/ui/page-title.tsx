import { useTranslation } from 'react-i18next';

/** The document title, "Page · Palmares"; React 19 hoists `<title>` into the head. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  return <title>{`${children} · ${t('app.name')}`}</title>;
}
