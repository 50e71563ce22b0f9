import type { CompetitionDetail, RoundDetail } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { useProgress } from '../api/get-progress';
import { useRounds } from '../api/get-rounds';
import { useLiveStream } from '../api/use-live-stream';
import { CloseRound } from './close-round';
import { LiveBoard } from './live-board';
import { NowPitchingControl } from './now-pitching-control';
import { OpenRound } from './open-round';
import { PitchOrderPanel } from './pitch-order-panel';
import { ScreenHeading } from './screen-heading';
import { Step } from './step';

function OpenFinal({ competition, round }: { competition: CompetitionDetail; round: RoundDetail }) {
  const { t } = useTranslation('organiser');
  const placed = round.entrants.every((e) => e.pitchPosition !== null);
  const first = [...round.entrants].sort((a, b) => (a.pitchPosition ?? 0) - (b.pitchPosition ?? 0))[0];
  const firstName = competition.entrants.find((e) => e.id === first?.id)?.name ?? '';
  const confirmation = {
    title: t('confirm.openFinal.title'),
    body: t('confirm.openFinal.body', { count: round.entrants.length, first: `\u2068${firstName}\u2069` }),
    irreversible: t('confirm.openFinal.irreversible'),
  };
  return (
    <OpenRound
      competitionId={competition.id}
      roundId={round.id}
      explanation={placed ? t('final.openExplain') : t('now.drawFirst')}
      label={t('final.open')}
      disabled={!placed}
      confirmation={confirmation}
    />
  );
}

function CloseFinal({ competitionId, round }: { competitionId: number; round: RoundDetail }) {
  const progress = useProgress(competitionId, round.id);
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorMessage error={progress.error} onRetry={() => void progress.refetch()} />;
  return (
    <CloseRound
      competitionId={competitionId}
      roundId={round.id}
      complete={progress.data.complete}
      missing={progress.data.total.assigned - progress.data.total.submitted}
      submitted={progress.data.total.submitted}
      drafts={progress.data.total.drafts}
      closesAt={round.closesAt}
    />
  );
}

function Live({ competition, round }: { competition: CompetitionDetail; round: RoundDetail }) {
  const { t } = useTranslation('organiser');
  const stream = useLiveStream(competition.id);
  return (
    <>
      <Step title={t('final.stepNow')} done={round.state !== 'open'}>
        {round.state === 'open' ? <NowPitchingControl competition={competition} round={round} /> : <p>{t('now.over')}</p>}
      </Step>
      <Step title={t('final.stepBoard')} done={round.state !== 'draft' && round.state !== 'open'}>
        <LiveBoard competition={competition} roundId={round.id} stream={stream} />
      </Step>
      <Step title={t('final.stepClose')} done={round.state === 'closed' || round.state === 'confirmed'}>
        {round.state === 'open' ? (
          <CloseFinal competitionId={competition.id} round={round} />
        ) : (
          <p>
            {t('final.closed')}
            {round.closeReason ? (
              <>
                {' '}
                {t('round1.forcedBecause')} <q dir="auto">{round.closeReason}</q>
              </>
            ) : null}
          </p>
        )}
      </Step>
    </>
  );
}

/** The live final: pitch order, the now-pitching control with its timer, the live board, closing. */
export function FinalScreen({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const rounds = useRounds(competition.id);
  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const round = rounds.data.rounds.find((r) => r.kind === 'final');

  return (
    <div className="org-screen">
      <ScreenHeading title={t('final.title')} competitionName={competition.name}>
        <p className="muted">{round ? t(`roundState.${round.state}`) : t('final.none')}</p>
      </ScreenHeading>
      {!round ? (
        <p>
          <Link to={`/competitions/${competition.id}/round-1`}>{t('final.toRound1')}</Link>
        </p>
      ) : (
        <ol className="org-steps" role="list">
          <Step title={t('final.stepOrder')} done={round.state !== 'draft'}>
            <PitchOrderPanel competition={competition} round={round} />
            {round.state === 'draft' ? <OpenFinal competition={competition} round={round} /> : null}
          </Step>
          {round.state !== 'draft' ? <Live competition={competition} round={round} /> : null}
        </ol>
      )}
    </div>
  );
}
