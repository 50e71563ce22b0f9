import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ui/error-message';
import { Loading } from '../../components/ui/loading';
import { useCompetition } from '../../features/competitions/api/get-competition';
import { CompetitionOverview } from '../../features/competitions/components/competition-overview';
import { isApiError } from '../../lib/api-client';
import { parseCompetitionId } from './competition-loader';
import { NotFoundRoute } from './not-found-route';

function Competition({ id }: { id: number }) {
  const { t } = useTranslation();
  const competition = useCompetition(id);
  if (competition.isPending) return <Loading />;
  if (isApiError(competition.error, 'NOT_FOUND')) return <NotFoundRoute message={t('competition.notFound')} />;
  if (competition.isError) return <ErrorMessage error={competition.error} onRetry={() => void competition.refetch()} />;
  return (
    <>
      <nav className="breadcrumb" aria-label={t('competition.backToList')}>
        <Link to="/competitions">{t('competition.backToList')}</Link>
      </nav>
      <CompetitionOverview competition={competition.data} />
    </>
  );
}

export function CompetitionRoute() {
  const id = parseCompetitionId(useParams().id);
  return id === null ? <NotFoundRoute /> : <Competition key={id} id={id} />;
}
