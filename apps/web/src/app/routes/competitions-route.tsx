import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/ui/page-title';
import { CompetitionList } from '../../features/competitions/components/competition-list';

export function CompetitionsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('competitions.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('competitions.title')}</h1>
        <p className="muted">{t('competitions.intro')}</p>
      </div>
      <CompetitionList />
    </>
  );
}
