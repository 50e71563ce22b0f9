import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title';

export function NotFoundRoute({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-heading not-found">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <h1>{t('notFound.title')}</h1>
      <p>{message ?? t('notFound.body')}</p>
      <p>
        <Link to="/" className="btn btn--secondary">
          {t('notFound.backHome')}
        </Link>
      </p>
    </div>
  );
}
