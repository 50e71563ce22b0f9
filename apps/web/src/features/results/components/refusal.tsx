import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';

/** Why the server refused an action, in words; names the rule it gave when we know it. */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation('results');
  if (!error) return null;
  const rule = isApiError(error) ? error.details[0]?.rule : undefined;
  const known = rule && ['chair-decision-pending', 'snapshot-stale', 'already-signed', 'same-person', 'signoff-missing', 'results-published', 'round-closed'].includes(rule);
  const text = known
    ? t(`refusal.${rule as 'snapshot-stale'}`)
    : isApiError(error, 'NETWORK')
      ? t('refusal.network')
      : isApiError(error, 'FORBIDDEN')
        ? t('refusal.forbidden')
        : t('refusal.generic');
  return (
    <p className="form__alert" role="alert">
      {text}
    </p>
  );
}
