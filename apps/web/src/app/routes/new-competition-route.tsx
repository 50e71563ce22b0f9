import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/ui/error-message';
import { Loading } from '../../components/ui/loading';
import { PageTitle } from '../../components/ui/page-title';
import { useCompetitions } from '../../features/competitions/api/get-competitions';
import { NewCompetitionForm } from '../../features/competitions/components/new-competition-form';
import '../../features/organiser/organiser.css';

/** `/competitions/new`: the event, then straight into its set-up with the defaults ready to edit. */
export function NewCompetitionRoute() {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const competitions = useCompetitions();
  return (
    <div className="org-screen">
      <nav className="breadcrumb" aria-label={tc('competition.backToList')}>
        <Link to="/competitions">{tc('competition.backToList')}</Link>
      </nav>
      <div className="page-heading">
        <PageTitle>{t('create.title')}</PageTitle>
        <h1>{t('create.title')}</h1>
        <p className="muted">{t('create.intro')}</p>
      </div>
      <section className="card org-section" aria-label={t('create.title')}>
        {competitions.isPending ? (
          <Loading />
        ) : competitions.isError ? (
          <ErrorMessage error={competitions.error} onRetry={() => void competitions.refetch()} />
        ) : (
          <NewCompetitionForm earlier={competitions.data.competitions} onCreated={(id) => void navigate(`/competitions/${id}/setup`)} />
        )}
      </section>
    </div>
  );
}
