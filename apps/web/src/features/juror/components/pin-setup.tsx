import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/ui/page-title';
import { isApiError } from '../../../lib/api-client';
import { OFFLINE_PIN_KDF } from '../../../lib/contract-constants';
import { loadSchemas } from '../../../lib/load-schemas';
import { jurorStateQueryKey } from '../api/get-state';
import { useSetPin } from '../api/set-pin';
import { hashPin } from '../lib/pin-hash';
import { useLock } from '../stores/lock-store';
import { PinPad } from './pin-pad';
import './pin-verdict.css';

/**
 * First visit of a bound tablet, or after the organiser's reset: the juror chooses a PIN, typed
 * twice. Needs only who the tablet is bound to (no juror route answers before the PIN).
 */
export function PinSetup({ name, bindingId, afterReset = false }: { name: string; bindingId: number; afterReset?: boolean }) {
  const { t } = useTranslation('juror');
  const queryClient = useQueryClient();
  const setPinOnServer = useSetPin();
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [first, setFirst] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const next = async () => {
    const schemas = await loadSchemas().catch(() => null);
    if (!schemas) return setError(t('pin.needsNetwork'));
    if (!schemas.PinSchema.safeParse(value).success) return setError(t('pin.tooShort'));
    setFirst(value);
    setValue('');
    setError(null);
    setStep('confirm');
  };

  const save = async () => {
    if (value !== first) {
      setStep('choose');
      setFirst('');
      setValue('');
      return setError(t('pin.mismatch'));
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await setPinOnServer.mutateAsync(value);
      const iterations = answer.offline.iterations || OFFLINE_PIN_KDF.iterations;
      useLock.getState().setPin(bindingId, await hashPin(value, iterations));
      await queryClient.invalidateQueries({ queryKey: jurorStateQueryKey });
    } catch (e) {
      setError(isApiError(e, 'NETWORK') ? t('pin.needsNetwork') : isApiError(e, 'CONFLICT') ? t('pin.alreadySet') : t('pin.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="juror-panel" aria-labelledby="pin-setup-title">
      <PageTitle>{afterReset ? t('pin.newTitle') : t('pin.setupTitle')}</PageTitle>
      <p className="juror-panel__kicker">{t('pin.welcome', { name })}</p>
      <h1 id="pin-setup-title">{afterReset ? t('pin.newTitle') : t('pin.setupTitle')}</h1>
      {afterReset ? (
        <p className="juror-panel__notice" role="status">
          {t('pin.afterReset')}
        </p>
      ) : null}
      <p className="muted">{t('pin.setupIntro')}</p>
      <p className="juror-panel__step" aria-live="polite">
        {step === 'choose' ? t('pin.stepChoose') : t('pin.stepConfirm')}
      </p>
      <PinPad
        key={step}
        label={step === 'choose' ? t('pin.choose') : t('pin.confirm')}
        value={value}
        onChange={(v) => {
          setValue(v);
          setError(null);
        }}
        onSubmit={step === 'choose' ? () => void next() : () => void save()}
        submitLabel={step === 'choose' ? t('pin.next') : t('pin.save')}
        busy={busy}
        error={error}
        autoFocus
      />
    </section>
  );
}
