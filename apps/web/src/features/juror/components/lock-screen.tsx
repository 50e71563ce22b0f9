import type { JurorState } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/ui/page-title';
import { isApiError } from '../../../lib/api-client';
import { unlockOnline } from '../api/unlock';
import { OFFLINE_ATTEMPTS } from '../lib/idle-lock';
import { verifyPin } from '../lib/pin-hash';
import { useLock } from '../stores/lock-store';
import { useOutbox } from '../stores/outbox-store';
import { PinPad } from './pin-pad';

const detail = (error: unknown, path: string) =>
  isApiError(error) ? error.details.find((d) => d.path === path)?.message : undefined;

/**
 * The idle lock. Online, the server checks the PIN (and rate-limits); when it cannot be reached,
 * the tablet checks its own salted hash, and after too many misses waits for the server.
 */
export function LockScreen({ state }: { state: JurorState }) {
  const { t } = useTranslation('juror');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const offlineCheck = async (pin: string) => {
    const { pin: stored, offlineFailures, unlock, failOffline } = useLock.getState();
    if (!stored || stored.bindingId !== state.binding.id) return setError(t('lock.offlineNoPin'));
    if (offlineFailures >= OFFLINE_ATTEMPTS) return setError(t('lock.offlineLimit'));
    if (await verifyPin(pin, stored.record)) return unlock();
    failOffline();
    setError(useLock.getState().offlineFailures >= OFFLINE_ATTEMPTS ? t('lock.offlineLimit') : t('lock.offlineWrong'));
  };

  const submit = async () => {
    const pin = value;
    setBusy(true);
    setError(null);
    setValue('');
    try {
      await unlockOnline(pin);
      useOutbox.getState().noteContact(true);
      useLock.getState().unlock();
    } catch (e) {
      if (isApiError(e, 'INVALID_CREDENTIALS')) {
        const left = Number(detail(e, 'attemptsLeft'));
        setError(Number.isFinite(left) ? t('lock.attemptsLeft', { count: left }) : t('lock.wrong'));
      } else if (isApiError(e, 'RATE_LIMITED')) {
        const seconds = Number(/\d+/.exec(detail(e, 'pin') ?? '')?.[0] ?? 300);
        setError(t('lock.rateLimited', { count: Math.ceil(seconds / 60) }));
      } else if (isApiError(e, 'BINDING_LOCKED')) {
        setError(t('lock.lockedOut'));
      } else if (isApiError(e, 'VALIDATION_FAILED')) {
        setError(t('pin.tooShort'));
      } else if (isApiError(e, 'CONFLICT')) {
        // No PIN on the server (reset by the organiser): nothing to check against.
        useLock.getState().unlock();
      } else {
        useOutbox.getState().noteContact(false);
        await offlineCheck(pin);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="juror-panel" aria-labelledby="lock-title">
      <PageTitle>{t('lock.title')}</PageTitle>
      <p className="juror-panel__kicker">
        <bdi>{state.juror.name}</bdi>
      </p>
      <h1 id="lock-title">
        <span aria-hidden="true" className="juror-panel__icon">
          🔒
        </span>{' '}
        {t('lock.title')}
      </h1>
      <p className="muted">{t('lock.intro')}</p>
      <PinPad
        label={t('pin.field')}
        value={value}
        onChange={(v) => {
          setValue(v);
          setError(null);
        }}
        onSubmit={() => void submit()}
        submitLabel={busy ? t('lock.checking') : t('lock.unlock')}
        busy={busy}
        error={error}
        autoFocus
      />
    </section>
  );
}
