import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { ErrorMessage } from '../../components/ui/error-message';
import { Loading } from '../../components/ui/loading';
import { competitionQueryOptions, useCompetition } from '../../features/competitions/api/get-competition';
import { CompetitionOverview } from '../../features/competitions/components/competition-overview';
import { isApiError } from '../../lib/api-client';
import { queryClient } from '../query-client';
import { NotFoundRoute } from './not-found-route';

function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Starts fetching beside the session check instead of after it; errors surface in the component. */
export function competitionLoader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  if (id !== null) void queryClient.prefetchQuery(competitionQueryOptions(id));
  return null;
}

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
  const id = parseId(useParams().id);
  return id === null ? <NotFoundRoute /> : <Competition key={id} id={id} />;
}
