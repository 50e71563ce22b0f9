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
  const sentence =
    known === null
      ? t('errors.generic')
      : known.code === 'SETTINGS_LOCKED'
        ? t('errors.settingsLocked')
        : known.code === 'VALIDATION_FAILED'
          ? t('errors.validation')
          : known.code === 'CONFLICT'
            ? t('errors.conflict')
            : known.code === 'NETWORK'
              ? t('errors.network')
              : t('errors.generic');
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
