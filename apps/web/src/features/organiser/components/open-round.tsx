import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useOpenRound } from '../api/round-transitions';
import { Refusal } from './refusal';

/** What the confirmation says before the round opens: what happens, and what it locks for good. */
export interface OpenRoundConfirmation {
  title: string;
  body: ReactNode;
  irreversible: string;
}

interface OpenRoundProps {
  competitionId: number;
  roundId: number;
  /** What opening does, or what is missing before it can. */
  explanation: string;
  label: string;
  /** The round is not ready to open (nobody assigned, no pitch order). */
  disabled: boolean;
  confirmation: OpenRoundConfirmation;
}

/** Opens a draft round for scoring (round 1, the final), once the organiser confirms; the server's refusal shown in the dialog. */
export function OpenRound({ competitionId, roundId, explanation, label, disabled, confirmation }: OpenRoundProps) {
  const open = useOpenRound(competitionId);
  const [asking, setAsking] = useState(false);
  return (
    <div className="org-stack">
      <p>{explanation}</p>
      <div className="org-actions">
        <Button busy={open.isPending} disabled={disabled} onClick={() => setAsking(true)}>
          {label}
        </Button>
      </div>
      {!asking ? <Refusal error={open.error} /> : null}
      <ConfirmDialog
        open={asking}
        title={confirmation.title}
        body={confirmation.body}
        irreversible={confirmation.irreversible}
        confirmLabel={label}
        busy={open.isPending}
        error={<Refusal error={open.error} />}
        onCancel={() => {
          setAsking(false);
          open.reset();
        }}
        onConfirm={() => open.mutate(roundId, { onSuccess: () => setAsking(false) })}
      />
    </div>
  );
}
