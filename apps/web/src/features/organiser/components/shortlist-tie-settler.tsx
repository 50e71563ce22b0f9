import { useTranslation } from 'react-i18next';
import { tieExplain } from '../../../components/reorder/tie-explain';
import { TieSettler, type TiedEntrant } from '../../../components/reorder/tie-settler';
import { useLanguage } from '../../../i18n/use-language';
import { useChairDecision } from '../api/chair-decision';
import { Refusal } from './refusal';
import { useMoveLabels } from './use-move-labels';

interface ShortlistTieSettlerProps {
  competitionId: number;
  roundId: number;
  tied: TiedEntrant[];
  /** The seats the tied entrants compete for (the ranking's `openSeats`), not every seat still free. */
  seats: number;
}

/** Round 1's tie for the last shortlist seats, settled by the chair's order and reason. */
export function ShortlistTieSettler({ competitionId, roundId, tied, seats }: ShortlistTieSettlerProps) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const moveLabels = useMoveLabels();
  const decide = useChairDecision(competitionId, roundId);
  const texts = {
    title: t('tie.title'),
    explain: tieExplain({ entrants: (o) => t('tie.entrants', o), explain: (o) => t('tie.explain', o) }, lang, tied.length, seats),
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
