import type { JurorEntrantState } from '@palmares/contract';
import { useTranslation } from 'react-i18next';

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
