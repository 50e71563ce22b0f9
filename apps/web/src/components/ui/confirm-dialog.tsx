import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { useModalDialog } from './use-modal-dialog';

/** The contract's shortest written reason (close, tie decisions, corrections). */
const MIN_REASON_LENGTH = 3;

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, with the real figures ("3 scorecards are started but not submitted"). */
  body: ReactNode;
  /** What is affected, under the body (a list of names, say). */
  details?: ReactNode;
  /** What cannot be taken back, said apart from the rest; none for an action that can be. */
  irreversible?: string;
  /** Names the action ("Close scoring"), never a bare "OK". */
  confirmLabel: string;
  /** The way back; "Cancel" unless the screen says better ("Keep my value"). */
  cancelLabel?: string;
  /** A destructive action's button is red. */
  tone?: 'primary' | 'danger';
  /** When set, the dialog asks for a written reason of at least 3 characters (the server's rule). */
  reasonLabel?: string;
  busy?: boolean;
  /** Why the server refused, shown inside the dialog so the user can try again or cancel. */
  error?: ReactNode;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/**
 * The one confirmation of the app, before anything that cannot be undone: a modal `<dialog>`
 * (the browser traps focus and gives it back to the control that opened it), Escape cancels,
 * and focus starts on the way back, so a stray Enter never confirms.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, body, details, irreversible, confirmLabel, cancelLabel, tone = 'primary', reasonLabel, busy = false, error, onConfirm, onCancel } = props;
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);

  // Each opening starts with an empty reason (state adjusted while rendering, not in an effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setReason('');
      setInvalid(false);
    }
  }

  // After showModal (the hook's effect runs first): a reason to write takes focus, else "Cancel".
  useEffect(() => {
    if (open && reasonLabel === undefined) cancelRef.current?.focus();
  }, [open, reasonLabel]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reasonLabel !== undefined && reason.trim().length < MIN_REASON_LENGTH) {
      setInvalid(true);
      return;
    }
    onConfirm(reason.trim());
  }

  const describedBy = [`${id}-body`, irreversible ? `${id}-warning` : null].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={submit} className="confirm-dialog__form" noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`} className="confirm-dialog__body">
          {typeof body === 'string' ? <p>{body}</p> : body}
          {details}
        </div>
        {irreversible ? (
          <p id={`${id}-warning`} className="confirm-dialog__warning">
            <span aria-hidden="true">⚠ </span>
            {irreversible}
          </p>
        ) : null}
        {reasonLabel !== undefined ? (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
            <textarea
              id={`${id}-reason`}
              className="confirm-dialog__reason"
              value={reason}
              rows={3}
              required
              dir="auto"
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${id}-reason-error` : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {invalid ? (
              <p id={`${id}-reason-error`} className="field__error">
                {t('common.dialog.reasonRequired')}
              </p>
            ) : null}
          </div>
        ) : null}
        {error}
        <div className="confirm-dialog__actions">
          <Button ref={cancelRef} variant="secondary" disabled={busy} onClick={onCancel}>
            {cancelLabel ?? t('common.dialog.cancel')}
          </Button>
          <Button type="submit" busy={busy} className={tone === 'danger' ? 'btn--danger' : undefined}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
