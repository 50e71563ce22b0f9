import type { CompetitionDetail, StepKey } from '@palmares/contract';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ui/error-message';
import { Loading } from '../../components/ui/loading';
import { useCompetition } from '../../features/competitions/api/get-competition';
import { useCompetitions } from '../../features/competitions/api/get-competitions';
import { DataScreen } from '../../features/organiser/components/data-screen';
import { CompetitionSectionsNav } from '../../features/competitions/components/competition-overview';
import { StepWarningsNote } from '../../features/competitions/components/step-list';
import { EntrantsScreen } from '../../features/organiser/components/entrants-screen';
import { FinalScreen } from '../../features/organiser/components/final-screen';
import { JurorsScreen } from '../../features/organiser/components/jurors-screen';
import { RoundOneScreen } from '../../features/organiser/components/round-one-screen';
import { SetupScreen } from '../../features/organiser/components/setup-screen';
import '../../features/organiser/organiser.css';
import { isApiError } from '../../lib/api-client';
import { NotFoundRoute } from './not-found-route';


type Screen = ComponentType<{ competition: CompetitionDetail }>;

function Section({ id, Screen, steps }: { id: number; Screen: Screen; steps: readonly StepKey[] }) {
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
      <CompetitionSectionsNav competitionId={id} />
      <StepWarningsNote competitionId={id} keys={steps} />
      <Screen competition={competition.data} />
    </>
  );
}

/**
 * A route module for one organiser section of a competition: loads it, then shows the screen,
 * under the warnings of the steps done on it.
 */
function sectionRoute(Screen: Screen, steps: readonly StepKey[]) {
  return function OrganiserSectionRoute() {
    const id = Number(useParams().id);
    return Number.isInteger(id) && id > 0 ? <Section key={id} id={id} Screen={Screen} steps={steps} /> : <NotFoundRoute />;
  };
}

export const OrganiserSetupRoute = sectionRoute(SetupScreen, ['setup']);
export const OrganiserEntrantsRoute = sectionRoute(EntrantsScreen, ['entrants']);
export const OrganiserJurorsRoute = sectionRoute(JurorsScreen, ['jurors']);
export const OrganiserRoundOneRoute = sectionRoute(RoundOneScreen, ['round1', 'shortlist']);
export const OrganiserFinalRoute = sectionRoute(FinalScreen, ['final']);

/** The organiser's Data page: backups of the whole server, and the competitions they run to export. */
export function OrganiserDataRoute() {
  const competitions = useCompetitions();
  if (competitions.isPending) return <Loading />;
  if (competitions.isError) return <ErrorMessage error={competitions.error} onRetry={() => void competitions.refetch()} />;
  return <DataScreen competitions={competitions.data.competitions} />;
}
