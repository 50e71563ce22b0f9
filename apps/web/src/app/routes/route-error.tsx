import { useTranslation } from 'react-i18next';
import { useRevalidator, useRouteError } from 'react-router';
import { PageTitle } from '../../components/ui/page-title';
import { ErrorMessage } from '../../components/ui/error-message';

/** What a page shows when its loader failed for a reason other than being signed out. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const revalidator = useRevalidator();
  return (
    <div className="page-heading">
      <PageTitle>{t('common.errorTitle')}</PageTitle>
      <h1>{t('common.errorTitle')}</h1>
      <ErrorMessage error={error} onRetry={() => void revalidator.revalidate()} />
    </div>
  );
}
