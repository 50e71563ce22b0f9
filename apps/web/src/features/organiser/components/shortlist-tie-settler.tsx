import { useTranslation } from 'react-i18next';
import { TieSettler, type TiedEntrant } from '../../../components/reorder/tie-settler';
import { useChairDecision } from '../api/chair-decision';
import { Refusal } from './refusal';
import { useMoveLabels } from './use-move-labels';

interface ShortlistTieSettlerProps {
  competitionId: number;
  roundId: number;
  tied: TiedEntrant[];
  seats: number;
}

/** Round 1's tie for the last shortlist seats, settled by the chair's order and reason. */
export function ShortlistTieSettler({ competitionId, roundId, tied, seats }: ShortlistTieSettlerProps) {
  const { t } = useTranslation('organiser');
  const moveLabels = useMoveLabels();
  const decide = useChairDecision(competitionId, roundId);
  const texts = {
    title: t('tie.title'),
    explain: t('tie.explain', { count: seats, entrants: tied.length }),
    reason: t('tie.reason'),
    reasonRequired: t('dialog.reasonRequired'),
    submit: t('tie.submit'),
    move: moveLabels,
  };
  return (
    <TieSettler
      tied={tied}
      texts={texts}
      look={{ form: 'form org-tie', list: 'org-reorder', reason: 'org-textarea', actions: 'org-actions' }}
      busy={decide.isPending}
      onSettle={(entrantIds, reason) => decide.mutate({ entrantIds, reason })}
      refusal={<Refusal error={decide.error} />}
    />
  );
}
