import type { CompetitionDetail, RoundDetail } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { useCreateShortlistRound } from '../api/create-round';
import { useProgress } from '../api/get-progress';
import { useRounds } from '../api/get-rounds';
import { useLiveStream } from '../api/use-live-stream';
import { AssignPanel } from './assign-panel';
import { AssignmentMatrix } from './assignment-matrix';
import { CloseRound } from './close-round';
import { OpenRound } from './open-round';
import { ProgressTables } from './progress-tables';
import { Refusal } from './refusal';
import { ScreenHeading } from './screen-heading';
import { ShortlistPanel } from './shortlist-panel';
import { Step } from './step';

function OpenRoundOne({ competitionId, round }: { competitionId: number; round: RoundDetail }) {
  const { t } = useTranslation('organiser');
  const confirmation = {
    title: t('confirm.openRound1.title'),
    body: (
      <p>
        {t('confirm.openRound1.entrants', { count: round.entrants.length })} {t('confirm.openRound1.scorecards', { count: round.assignmentCount })}
      </p>
    ),
    irreversible: t('confirm.openRound1.irreversible'),
  };
  return (
    <OpenRound
      competitionId={competitionId}
      roundId={round.id}
      explanation={t('round1.openExplain')}
      label={t('round1.open')}
      disabled={round.assignmentCount === 0}
      confirmation={confirmation}
    />
  );
}

/** Follows the live stream while scoring is open: each submission refreshes the progress within a second. */
function LiveProgress({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation('organiser');
  const stream = useLiveStream(competitionId);
  return (
    <p className={`org-stream org-stream--${stream}`} role="status">
      <span aria-hidden="true">{stream === 'open' ? '●' : '○'} </span>
      {t(`board.stream.${stream}`)}
    </p>
  );
}

function Scoring({ competitionId, round }: { competitionId: number; round: RoundDetail }) {
  const progress = useProgress(competitionId, round.id);
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorMessage error={progress.error} onRetry={() => void progress.refetch()} />;
  const missing = progress.data.total.assigned - progress.data.total.submitted;
  return (
    <div className="org-stack">
      {round.state === 'open' ? <LiveProgress competitionId={competitionId} /> : null}
      <ProgressTables progress={progress.data} />
      {round.state === 'open' ? (
        <CloseRound
          competitionId={competitionId}
          roundId={round.id}
          complete={progress.data.complete}
          missing={missing}
          submitted={progress.data.total.submitted}
          drafts={progress.data.total.drafts}
          closesAt={round.closesAt}
        />
      ) : null}
    </div>
  );
}

/** Round 1: assign, open, follow the scoring, close, then the proposed shortlist to confirm and publish. */
export function RoundOneScreen({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const rounds = useRounds(competition.id);
  const create = useCreateShortlistRound(competition.id);
  const title = t('round1.title');

  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const round = rounds.data.rounds.find((r) => r.kind === 'shortlist');

  return (
    <div className="org-screen">
      <ScreenHeading title={title} competitionName={competition.name}>
        <p className="muted">{round ? t(`roundState.${round.state}`) : t('round1.none')}</p>
      </ScreenHeading>
      {!round ? (
        <div className="org-actions">
          <Button busy={create.isPending} onClick={() => create.mutate()}>
            {t('round1.create', { count: competition.entrants.length })}
          </Button>
          <Refusal error={create.error} />
        </div>
      ) : (
        <ol className="org-steps" role="list">
          <Step title={t('round1.stepAssign')} done={round.state !== 'draft'}>
            {round.state === 'draft' ? (
              <>
                <AssignPanel competitionId={competition.id} roundId={round.id} assignmentCount={round.assignmentCount} />
                {round.assignmentCount > 0 ? <AssignmentMatrix competitionId={competition.id} roundId={round.id} /> : null}
              </>
            ) : (
              <p>{t('assign.current', { count: round.assignmentCount, pairs: String(round.assignmentCount) })}</p>
            )}
          </Step>
          <Step title={t('round1.stepOpen')} done={round.state !== 'draft'}>
            {round.state === 'draft' ? <OpenRoundOne competitionId={competition.id} round={round} /> : <p>{t('round1.opened')}</p>}
          </Step>
          {round.state !== 'draft' ? (
            <Step title={t('round1.stepScoring')} done={round.state !== 'open'}>
              <Scoring competitionId={competition.id} round={round} />
              {round.closeReason ? (
                <p className="org-note">
                  {t('round1.forcedBecause')} <q dir="auto">{round.closeReason}</q>
                </p>
              ) : null}
            </Step>
          ) : null}
          {round.state === 'closed' || round.state === 'confirmed' ? (
            <Step title={t('round1.stepShortlist')} done={round.publishedAt !== null}>
              <ShortlistPanel competition={competition} round={round} />
            </Step>
          ) : null}
        </ol>
      )}
    </div>
  );
}
