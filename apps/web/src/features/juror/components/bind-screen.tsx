import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { isApiError } from '../../../lib/api-client';
import { bindTabletOnce } from '../api/bind';
import { jurorStateQueryKey } from '../api/get-state';
import { useLock } from '../stores/lock-store';
import { JurorFrame } from './juror-shell';
import { SecondTabletPin } from './second-tablet-pin';

/** `/j/:inviteToken`: binds this tablet to the invited juror, then on to the PIN and the home. */
export function BindScreen({ inviteToken }: { inviteToken: string }) {
  const { t } = useTranslation('juror');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    bindTabletOnce(inviteToken).then(
      () => {
        if (cancelled) return;
        queryClient.removeQueries({ queryKey: jurorStateQueryKey });
        // A new binding: the previous one's lock and offline PIN no longer apply.
        useLock.getState().forget();
        void navigate('/juror', { replace: true });
      },
      (e: unknown) => {
        if (!cancelled) setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [inviteToken, attempt, navigate, queryClient]);

  // The juror already has a tablet with a PIN: this one is bound only with that PIN.
  if (isApiError(error, 'PIN_REQUIRED')) return <SecondTabletPin inviteToken={inviteToken} />;

  return (
    <JurorFrame>
      <section className="juror-panel">
        <PageTitle>{t('bind.title')}</PageTitle>
        <h1>{t('bind.title')}</h1>
        {error === null ? (
          <Loading label={t('bind.binding')} />
        ) : (
          <ErrorMessage
            error={error}
            message={
              isApiError(error, 'NOT_FOUND')
                ? t('bind.invalid')
                : isApiError(error, 'NETWORK')
                  ? t('bind.network')
                  : isApiError(error, 'BINDING_LOCKED')
                    ? t('pinTries.linkBlocked')
                    : undefined
            }
            onRetry={
              isApiError(error, 'NOT_FOUND') || isApiError(error, 'BINDING_LOCKED')
                ? undefined
                : () => {
                    setError(null);
                    setAttempt((n) => n + 1);
                  }
            }
          />
        )}
      </section>
    </JurorFrame>
  );
}
