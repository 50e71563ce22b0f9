import { useTranslation } from 'react-i18next';
import { applyAppUpdate, useAppUpdate } from '../lib/register-service-worker';

/**
 * Says a new version of the app is ready, and installs it only when the juror taps: the page
 * reloads then, never by itself in the middle of a scorecard (what is typed is on the tablet anyway).
 */
export function UpdatePrompt() {
  const { t } = useTranslation('juror');
  const waiting = useAppUpdate((s) => s.waiting);
  if (!waiting) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('update.available')}</span>
      <button type="button" className="btn btn--secondary" onClick={applyAppUpdate}>
        {t('update.apply')}
      </button>
    </div>
  );
}
