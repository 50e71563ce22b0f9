import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const PIN_MAX = 6;

interface PinPadProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  /** No PIN is accepted for now (a pause after wrong PINs, a blocked tablet): the keys stay visible but inert. */
  disabled?: boolean;
  error?: string | null;
  /** Focus the field on mount (the only task on the screen). */
  autoFocus?: boolean;
  children?: ReactNode;
}

/**
 * A PIN field (numeric keyboard on tablets, hidden digits) with a large on-screen keypad; both
 * write the same value, so it works by touch, by keyboard and with a screen reader.
 */
export function PinPad({ label, value, onChange, onSubmit, submitLabel, busy = false, disabled = false, error, autoFocus, children }: PinPadProps) {
  const { t } = useTranslation('juror');
  const id = useId();
  const press = (digit: string) => {
    if (value.length < PIN_MAX) onChange(value + digit);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="pin-pad" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-pin`}>{label}</label>
        <input
          id={`${id}-pin`}
          className="pin-pad__input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="[0-9]*"
          maxLength={PIN_MAX}
          dir="ltr"
          value={value}
          autoFocus={autoFocus}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, PIN_MAX))}
        />
      </div>
      <div className="pin-pad__keys" role="group" aria-label={t('pin.keypad')} dir="ltr">
        {KEYS.map((k) => (
          <button key={k} type="button" className="pin-pad__key" disabled={disabled} onClick={() => press(k)}>
            {k}
          </button>
        ))}
        <button type="button" className="pin-pad__key pin-pad__key--small" disabled={disabled} onClick={() => onChange('')}>
          {t('pin.clear')}
        </button>
        <button type="button" className="pin-pad__key" disabled={disabled} onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="pin-pad__key pin-pad__key--small" aria-label={t('pin.erase')} disabled={disabled} onClick={() => onChange(value.slice(0, -1))}>
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="form__alert" role="alert">
          {error}
        </p>
      ) : null}
      {children}
      <Button type="submit" className="btn--block pin-pad__submit" busy={busy} disabled={disabled}>
        {submitLabel}
      </Button>
    </form>
  );
}
