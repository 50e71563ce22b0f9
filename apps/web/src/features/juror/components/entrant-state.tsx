import type { JurorEntrantState } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { useLoadedState, type EntrantView } from '../hooks/use-juror-data';
import { submitFlag } from '../lib/closing';
import { isComplete } from '../lib/scorecard-math';

const ICONS: Record<JurorEntrantState, string> = { 'not-started': '○', draft: '◐', submitted: '✓', recused: '⊘' };

/** A scorecard's state in words with an icon: never colour alone. */
export function EntrantStateBadge({ state }: { state: JurorEntrantState }) {
  const { t } = useTranslation('juror');
  return (
    <span className={`state-badge state-badge--${state}`}>
      <span className="state-badge__icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      {t(`state.${state}`)}
    </span>
  );
}

/** "Complete, not submitted" while the round is open; "not submitted: did not count" once it closed. */
export function SubmitFlag({ view }: { view: EntrantView }) {
  const { t } = useTranslation('juror');
  const { state } = useLoadedState();
  const flag = submitFlag(state.round?.state, view.state, isComplete(state.competition.criteria, view.card.scores));
  if (!flag) return null;
  return (
    <span className={`submit-flag submit-flag--${flag}`}>
      <span aria-hidden="true">{flag === 'did-not-count' ? '✕' : '!'}</span>
      {t(flag === 'did-not-count' ? 'state.didNotCount' : 'state.completeUnsubmitted')}
    </span>
  );
}
