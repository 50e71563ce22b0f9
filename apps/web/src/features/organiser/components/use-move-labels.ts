import { useTranslation } from 'react-i18next';
import type { MoveLabels } from '../../../components/reorder/move-buttons';

/** The organiser's words for up / down buttons: "Monter X", "Descendre X". */
export function useMoveLabels(): MoveLabels {
  const { t } = useTranslation('organiser');
  return { up: (name) => t('reorder.up', { name }), down: (name) => t('reorder.down', { name }) };
}
