import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useLiveBoard } from '../api/get-live-board';
import { useCloseRound } from '../api/round-transitions';
import { AnnounceClosing } from './announce-closing';
import { CompleteUnsubmitted } from './complete-unsubmitted';
import { ConfirmDialog } from './confirm-dialog';
import { Refusal } from './refusal';

interface CloseRoundProps {
  competitionId: number;
  roundId: number;
  /** Every assigned scorecard is in: closing needs no reason. */
  complete: boolean;
  missing: number;
  /** When the organiser announced the close (null: not announced). */
  closesAt: string | null;
}

/**
 * Closes a round when all scorecards are in; otherwise a force-close that asks for a reason and
 * names the complete scorecards left unsubmitted (they will not count). Before either, the close
 * can be announced to the tablets.
 */
export function CloseRound({ competitionId, roundId, complete, missing, closesAt }: CloseRoundProps) {
  const { t } = useTranslation('organiser');
  const close = useCloseRound(competitionId);
  const [forcing, setForcing] = useState(false);
  const board = useLiveBoard(competitionId, roundId);

  return (
    <div className="org-stack">
      {!complete ? <AnnounceClosing competitionId={competitionId} roundId={roundId} closesAt={closesAt} /> : null}
      {complete ? (
        <p>{t('close.allIn')}</p>
      ) : (
        <p>{t('close.missing', { count: missing })}</p>
      )}
      <div className="org-actions">
        {complete ? (
          <Button busy={close.isPending} onClick={() => close.mutate({ roundId })}>
            {t('close.close')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => setForcing(true)}>
            {t('close.force')}
          </Button>
        )}
      </div>
      {!forcing ? <Refusal error={close.error} /> : null}
      <ConfirmDialog
        open={forcing}
        title={t('close.forceTitle')}
        body={t('close.forceBody', { count: missing })}
        details={board.data ? <CompleteUnsubmitted board={board.data} /> : null}
        reasonLabel={t('close.reason')}
        confirmLabel={t('close.forceConfirm')}
        busy={close.isPending}
        error={<Refusal error={close.error} />}
        onCancel={() => {
          setForcing(false);
          close.reset();
        }}
        onConfirm={(reason) => close.mutate({ roundId, reason }, { onSuccess: () => setForcing(false) })}
      />
    </div>
  );
}
