import { useTranslation } from 'react-i18next';
import { tieExplain } from '../../../components/reorder/tie-explain';
import { TieSettler, type TiedEntrant } from '../../../components/reorder/tie-settler';
import { formatNumber } from '../../../i18n/format';
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
    confirm: {
      title: t('confirm.tie.title'),
      body: (names: string[]) =>
        t('confirm.tie.body', { count: seats, order: names.map((name, i) => `${formatNumber(i + 1, lang)}. \u2068${name}\u2069`).join(', '), first: `\u2068${names[0] ?? ''}\u2069` }),
      irreversible: t('confirm.tie.irreversible'),
    },
  };
  return (
    <TieSettler
      tied={tied}
      texts={texts}
      look={{ form: 'form org-tie', list: 'org-reorder', reason: 'org-textarea', actions: 'org-actions' }}
      busy={decide.isPending}
      onSettle={(entrantIds, reason, done) => decide.mutate({ entrantIds, reason }, done)}
      refusal={<Refusal error={decide.error} />}
    />
  );
}
