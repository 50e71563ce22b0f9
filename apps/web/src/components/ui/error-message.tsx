import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { Button } from './button';

interface ErrorMessageProps {
  error: unknown;
  /** A message for this place, when the generic one says too little. */
  message?: string;
  onRetry?: () => void;
}

/** An error in words the user can act on; never the server's raw message. */
export function ErrorMessage({ error, message, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  const text = message ?? (isApiError(error) ? t(`common.errorCodes.${error.code}`) : t('common.errors.generic'));
  return (
    <div className="error-message" role="alert">
      <p className="error-message__title">{t('common.errorTitle')}</p>
      <p>{text}</p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}
