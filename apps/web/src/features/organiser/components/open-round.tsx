import { Button } from '../../../components/ui/button';
import { useOpenRound } from '../api/round-transitions';
import { Refusal } from './refusal';

interface OpenRoundProps {
  competitionId: number;
  roundId: number;
  /** What opening does, or what is missing before it can. */
  explanation: string;
  label: string;
  /** The round is not ready to open (nobody assigned, no pitch order). */
  disabled: boolean;
}

/** Opens a draft round for scoring (round 1, the final); the server's refusal shown below. */
export function OpenRound({ competitionId, roundId, explanation, label, disabled }: OpenRoundProps) {
  const open = useOpenRound(competitionId);
  return (
    <div className="org-stack">
      <p>{explanation}</p>
      <div className="org-actions">
        <Button busy={open.isPending} disabled={disabled} onClick={() => open.mutate(roundId)}>
          {label}
        </Button>
      </div>
      <Refusal error={open.error} />
    </div>
  );
}
