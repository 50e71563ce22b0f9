import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title';
import { isApiError } from '../../../lib/api-client';
import { bindTablet } from '../api/bind';
import { jurorStateQueryKey } from '../api/get-state';
import { hashPin } from '../lib/pin-hash';
import { verdictOf, type PinVerdict } from '../lib/pin-verdict';
import { useLock } from '../stores/lock-store';
import { JurorFrame } from './juror-shell';
import { PinPad } from './pin-pad';
import { PinVerdictMessage } from './pin-verdict-message';

/**
 * The invitation link on a juror's second tablet (issue 14 point 8): the juror already has a
 * tablet with a PIN, so the server binds this one only with that PIN, counting wrong ones at the
 * link (same policy as a tablet's lock). The name of the juror is not shown: the server tells a
 * link-holder nothing before the PIN.
 */
export function SecondTabletPin({ inviteToken }: { inviteToken: string }) {
  const { t } = useTranslation('juror');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<PinVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const paused = verdict?.kind === 'paused';
  const blocked = verdict?.kind === 'blocked';
  const onPauseOver = useCallback(() => setVerdict(null), []);

  const submit = async () => {
    if (busy || paused || blocked) return;
    const pin = value;
    setBusy(true);
    setError(null);
    setValue('');
    try {
      const bound = await bindTablet(inviteToken, pin);
      // Bound with the juror's PIN: this tablet keeps its own record of it for the offline check.
      useLock.getState().forget();
      useLock.getState().setPin(bound.bindingId, await hashPin(pin));
      queryClient.removeQueries({ queryKey: jurorStateQueryKey });
      void navigate('/juror', { replace: true });
    } catch (e) {
      const next = verdictOf(e, Date.now());
      setVerdict(next);
      if (next === null) setError(isApiError(e, 'NETWORK') ? t('bind.network') : isApiError(e, 'VALIDATION_FAILED') ? t('pin.tooShort') : t('pin.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <JurorFrame>
      <section className="juror-panel" aria-labelledby="second-tablet-title">
        <PageTitle>{t('bind.secondTitle')}</PageTitle>
        <h1 id="second-tablet-title">{t('bind.secondTitle')}</h1>
        <p className="muted">{t('bind.secondIntro')}</p>
        <PinPad
          label={t('bind.pinField')}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(null);
          }}
          onSubmit={() => void submit()}
          submitLabel={busy ? t('bind.checking') : t('bind.submit')}
          busy={busy}
          disabled={paused || blocked}
          error={error}
          autoFocus
        >
          {verdict ? <PinVerdictMessage verdict={verdict} target="link" onPauseOver={onPauseOver} /> : null}
        </PinPad>
      </section>
    </JurorFrame>
  );
}
