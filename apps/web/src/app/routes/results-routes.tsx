import type { CompetitionDetail } from '@palmares/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ui/error-message';
import { Loading } from '../../components/ui/loading';
import { PageTitle } from '../../components/ui/page-title';
import { useCompetition } from '../../features/competitions/api/get-competition';
import { CompetitionSectionsNav } from '../../features/competitions/components/competition-overview';
import { CeremonyScreen } from '../../features/results/components/ceremony-screen';
import { JurorIdleLock } from '../../features/juror/components/juror-idle-lock';
import { ChairDeliberation } from '../../features/results/components/chair-deliberation';
import { DeliberationScreen } from '../../features/results/components/deliberation-screen';
import { PrintResults } from '../../features/results/components/print-results';
import { StartupPage } from '../../features/results/components/startup-page';
import { WinnersPage } from '../../features/results/components/winners-page';
import '../../features/results/results.css';
import { isApiError } from '../../lib/api-client';
import { NotFoundRoute } from './not-found-route';


const idOf = (raw: string | undefined) => {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
};

function WithCompetition({ id, children }: { id: number; children: (competition: CompetitionDetail) => ReactNode }) {
  const { t } = useTranslation();
  const competition = useCompetition(id);
  if (competition.isPending) return <Loading />;
  if (isApiError(competition.error, 'NOT_FOUND')) return <NotFoundRoute message={t('competition.notFound')} />;
  if (competition.isError) return <ErrorMessage error={competition.error} onRetry={() => void competition.refetch()} />;
  return <>{children(competition.data)}</>;
}

/** Before the final is closed: the page still says where the reader is, then why it is empty. */
function NotClosedYet({ title }: { title: string }) {
  const { t } = useTranslation('results');
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <h1>{title}</h1>
      <p className="res-notice">{t('deliberation.notClosed')}</p>
    </>
  );
}

function FinalDeliberation({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('results');
  const final = competition.rounds.find((r) => r.kind === 'final');
  if (!final || (final.state !== 'closed' && final.state !== 'confirmed')) return <NotClosedYet title={t('deliberation.title')} />;
  return (
    <DeliberationScreen
      viewer={{ role: 'organiser', competitionId: competition.id }}
      roundId={final.id}
      competitionName={competition.name}
      axes={competition.axes}
      fallbackLang={competition.defaultLanguage}
    />
  );
}

/** `/competitions/:id/deliberation` (organiser). */
export function ResultsDeliberationRoute() {
  const { t } = useTranslation();
  const id = idOf(useParams().id);
  if (id === null) return <NotFoundRoute />;
  return (
    <WithCompetition key={id} id={id}>
      {(competition) => (
        <>
          <nav className="breadcrumb" aria-label={t('competition.backToList')}>
            <Link to="/competitions">{t('competition.backToList')}</Link>
          </nav>
          <CompetitionSectionsNav competitionId={id} />
          <FinalDeliberation competition={competition} />
        </>
      )}
    </WithCompetition>
  );
}

/** `/competitions/:id/results/print` (organiser): results and certificates for the printer. */
export function ResultsPrintRoute() {
  const { t } = useTranslation('results');
  const id = idOf(useParams().id);
  if (id === null) return <NotFoundRoute />;
  return (
    <WithCompetition key={id} id={id}>
      {(competition) => {
        const final = competition.rounds.find((r) => r.kind === 'final');
        if (!final || (final.state !== 'closed' && final.state !== 'confirmed')) return <NotClosedYet title={t('print.title')} />;
        return (
          <PrintResults
            competitionId={id}
            roundId={final.id}
            competitionName={competition.name}
            axes={competition.axes}
            fallbackLang={competition.defaultLanguage}
          />
        );
      }}
    </WithCompetition>
  );
}

export function StartupRoute() {
  const { token = '' } = useParams();
  return <StartupPage key={token} token={token} />;
}

export function WinnersRoute() {
  const id = idOf(useParams().id);
  return id === null ? <NotFoundRoute /> : <WinnersPage key={id} competitionId={id} />;
}

export function CeremonyRoute() {
  const id = idOf(useParams().id);
  return id === null ? <NotFoundRoute /> : <CeremonyScreen key={id} competitionId={id} />;
}

/** `/juror/deliberation`: the chair's tablet, under the same idle PIN lock as the scorecards. */
export function ChairDeliberationRoute() {
  return (
    <JurorIdleLock>
      <ChairDeliberation />
    </JurorIdleLock>
  );
}
