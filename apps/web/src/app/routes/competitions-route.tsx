import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title';
import { CompetitionList } from '../../features/competitions/components/competition-list';

export function CompetitionsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('competitions.title')}</PageTitle>
      <div className="page-heading page-heading--with-action">
        <div>
          <h1>{t('competitions.title')}</h1>
          <p className="muted">{t('competitions.intro')}</p>
        </div>
        <Link to="/competitions/new" className="btn btn--primary">
          {t('competitions.new')}
        </Link>
      </div>
      <CompetitionList />
    </>
  );
}
