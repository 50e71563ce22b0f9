import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { formatDateRange } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useCompetitions } from '../api/get-competitions';

export function CompetitionList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const competitions = useCompetitions();

  if (competitions.isPending) return <Loading />;
  if (competitions.isError) return <ErrorMessage error={competitions.error} onRetry={() => void competitions.refetch()} />;
  if (competitions.data.competitions.length === 0) {
    return (
      <div className="card empty-state">
        <p>{t('competitions.empty')}</p>
        <p className="muted">{t('competitions.emptyHint')}</p>
        <Link to="/competitions/new" className="btn btn--secondary">
          {t('competitions.createFirst')}
        </Link>
      </div>
    );
  }

  return (
    <ul className="card-grid" role="list">
      {competitions.data.competitions.map((competition) => (
        <li key={competition.id}>
          <Card as="article" className="competition-card">
            <h2 className="competition-card__title">
              <Link to={`/competitions/${competition.id}`} className="stretched-link">
                <bdi>{competition.name}</bdi>
              </Link>
            </h2>
            <p className="muted">
              {formatDateRange(competition.startsOn, competition.endsOn, lang)} · <bdi>{competition.venue}</bdi>
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
