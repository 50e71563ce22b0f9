import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useLiveBoard } from '../api/get-live-board';
import { useCloseRound } from '../api/round-transitions';
import { AnnounceClosing } from './announce-closing';
import { CompleteUnsubmitted } from './complete-unsubmitted';
import { Refusal } from './refusal';

interface CloseRoundProps {
  competitionId: number;
  roundId: number;
  /** Every assigned scorecard is in: closing needs no reason. */
  complete: boolean;
  missing: number;
  /** Scorecards submitted so far, for the confirmation's figures. */
  submitted?: number;
  /** Scorecards started on a tablet but not submitted: they will not count. */
  drafts?: number;
  /** When the organiser announced the close (null: not announced). */
  closesAt: string | null;
}

/**
 * Closes a round once the organiser confirms, with the figures: every scorecard in, or a
 * force-close that says how many are missing and started, names the complete scorecards left
 * unsubmitted (they will not count), and asks for a reason. Before either, the close can be
 * announced to the tablets.
 */
export function CloseRound({ competitionId, roundId, complete, missing, submitted = 0, drafts = 0, closesAt }: CloseRoundProps) {
  const { t } = useTranslation('organiser');
  const close = useCloseRound(competitionId);
  const [asking, setAsking] = useState(false);
  const board = useLiveBoard(competitionId, roundId);
  const cancel = () => {
    setAsking(false);
    close.reset();
  };

  return (
    <div className="org-stack">
      {!complete ? <AnnounceClosing competitionId={competitionId} roundId={roundId} closesAt={closesAt} /> : null}
      {complete ? <p>{t('close.allIn')}</p> : <p>{t('close.missing', { count: missing })}</p>}
      <div className="org-actions">
        {complete ? (
          <Button busy={close.isPending} onClick={() => setAsking(true)}>
            {t('close.close')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => setAsking(true)}>
            {t('close.force')}
          </Button>
        )}
      </div>
      {!asking ? <Refusal error={close.error} /> : null}
      {complete ? (
        <ConfirmDialog
          open={asking}
          title={t('confirm.close.title')}
          body={t('confirm.close.allIn', { count: submitted })}
          irreversible={t('confirm.close.irreversible')}
          confirmLabel={t('close.close')}
          busy={close.isPending}
          error={<Refusal error={close.error} />}
          onCancel={cancel}
          onConfirm={() => close.mutate({ roundId }, { onSuccess: () => setAsking(false) })}
        />
      ) : (
        <ConfirmDialog
          open={asking}
          title={t('close.forceTitle')}
          body={
            <>
              <p>{t('close.forceBody', { count: missing })}</p>
              {drafts > 0 ? <p>{t('confirm.close.drafts', { count: drafts })}</p> : null}
            </>
          }
          details={board.data ? <CompleteUnsubmitted board={board.data} /> : null}
          irreversible={t('confirm.close.irreversible')}
          reasonLabel={t('close.reason')}
          confirmLabel={t('close.forceConfirm')}
          tone="danger"
          busy={close.isPending}
          error={<Refusal error={close.error} />}
          onCancel={cancel}
          onConfirm={(reason) => close.mutate({ roundId, reason }, { onSuccess: () => setAsking(false) })}
        />
      )}
    </div>
  );
}
