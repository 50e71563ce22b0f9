import { useTranslation } from 'react-i18next';
import { CompetitionList } from '../../features/competitions/components/competition-list';

export function CompetitionsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t('competitions.title')}</h1>
        <p className="muted">{t('competitions.intro')}</p>
      </div>
      <CompetitionList />
    </>
  );
}
