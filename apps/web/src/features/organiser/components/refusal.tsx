import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';

/**
 * Why the server refused a change: a sentence in the reader's language for the error code, then
 * the server's own reason and the fields it names (the server writes them in English).
 */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation('organiser');
  if (error === null || error === undefined) return null;
  const known = isApiError(error) ? error : null;
  // One sentence per error code the organiser's screens meet, in the reader's language.
  const sentenceKey = {
    SETTINGS_LOCKED: 'errors.settingsLocked',
    CHAIR_TAKEN: 'errors.chairTaken',
    CHAIR_FIXED: 'errors.chairFixed',
    VALIDATION_FAILED: 'errors.validation',
    CONFLICT: 'errors.conflict',
    NETWORK: 'errors.network',
  } as const;
  const code = known?.code;
  const sentence = t(code !== undefined && code in sentenceKey ? sentenceKey[code as keyof typeof sentenceKey] : 'errors.generic');
  return (
    <div className="form__alert" role="alert">
      <p className="org-refusal__sentence">{sentence}</p>
      {known && known.code !== 'NETWORK' ? (
        <p className="org-refusal__server">
          {t('errors.serverSays')}{' '}
          <span lang="en" dir="ltr">
            {known.message}
          </span>
        </p>
      ) : null}
      {known && known.details.length > 0 ? (
        <ul className="org-refusal__details" lang="en" dir="ltr">
          {known.details.slice(0, 8).map((detail, index) => (
            <li key={index}>
              <code>{detail.path}</code>: {detail.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
