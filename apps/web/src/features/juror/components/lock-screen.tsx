import type { JurorState } from '@palmares/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/ui/page-title';
import { isApiError } from '../../../lib/api-client';
import { jurorStateQueryKey } from '../api/get-state';
import { unlockOnline } from '../api/unlock';
import { verifyPin } from '../lib/pin-hash';
import { offlineVerdict, verdictOf, type PinVerdict } from '../lib/pin-verdict';
import { useLock } from '../stores/lock-store';
import { useOutbox } from '../stores/outbox-store';
import { PinPad } from './pin-pad';
import { PinVerdictMessage } from './pin-verdict-message';

/** Where the verdict comes from: the server's count, or the tablet's own while offline. */
type Verdict = { verdict: PinVerdict; offline: boolean };

/** The offline verdict the tablet already holds (a pause still running, or its limit reached). */
function pendingOfflineVerdict(now: number): Verdict | null {
  const { offlineFailures, offlinePausedUntil } = useLock.getState();
  if (offlineFailures === 0) return null;
  const v = offlineVerdict(offlineFailures, now);
  if (v.kind === 'blocked') return { verdict: v, offline: true };
  if (offlinePausedUntil !== null && offlinePausedUntil > now) {
    return { verdict: { kind: 'paused', until: offlinePausedUntil, beforeBlock: v.kind === 'paused' ? v.beforeBlock : null }, offline: true };
  }
  return null;
}

/**
 * The idle lock. Online, the server checks the PIN (and rate-limits); when it cannot be reached,
 * the tablet checks its own salted hash under the same policy. Either way the juror reads the
 * truth about the next try (issue 14 point 6): the tries left before the pause, the pause
 * counting down, and a warning before the try that blocks the tablet.
 */
export function LockScreen({ state }: { state: JurorState }) {
  const { t } = useTranslation('juror');
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Verdict | null>(() => pendingOfflineVerdict(Date.now()));
  const paused = shown?.verdict.kind === 'paused';
  const blocked = shown?.verdict.kind === 'blocked' && !shown.offline;
  const onPauseOver = useCallback(() => setShown(null), []);

  // The lock takes the whole screen: it opens at its top, whatever was scrolled before.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);

  const offlineCheck = async (pin: string) => {
    const { pin: stored, unlock, failOffline, pauseOffline } = useLock.getState();
    if (!stored || stored.bindingId !== state.binding.id) return setError(t('lock.offlineNoPin'));
    const pending = pendingOfflineVerdict(Date.now());
    if (pending) return setShown(pending);
    if (await verifyPin(pin, stored.record)) return unlock();
    failOffline();
    const verdict = offlineVerdict(useLock.getState().offlineFailures, Date.now());
    if (verdict.kind === 'paused') pauseOffline(verdict.until);
    setShown({ verdict, offline: true });
  };

  const submit = async () => {
    if (busy || paused || blocked) return;
    const pin = value;
    setBusy(true);
    setError(null);
    setValue('');
    try {
      await unlockOnline(pin);
      useOutbox.getState().noteContact(true);
      useLock.getState().unlock();
    } catch (e) {
      const verdict = verdictOf(e, Date.now());
      if (verdict) {
        useOutbox.getState().noteContact(true);
        setShown({ verdict, offline: false });
        // Blocked for good: the shell shows the blocked tablet, which watches for the reset.
        if (verdict.kind === 'blocked') void queryClient.invalidateQueries({ queryKey: jurorStateQueryKey });
      } else if (isApiError(e, 'VALIDATION_FAILED')) {
        setError(t('pin.tooShort'));
      } else if (isApiError(e, 'PIN_REQUIRED')) {
        // No PIN on the server any more (the organiser reset this tablet): the shell offers a new one.
        await queryClient.invalidateQueries({ queryKey: jurorStateQueryKey });
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
        disabled={paused || blocked}
        error={error}
        autoFocus
      >
        {shown ? <PinVerdictMessage verdict={shown.verdict} target="tablet" offline={shown.offline} onPauseOver={onPauseOver} /> : null}
      </PinPad>
    </section>
  );
}
