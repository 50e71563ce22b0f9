import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useModalDialog } from '../../../components/ui/use-modal-dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  /** What the organiser should see before confirming, under the body (a list of what is affected). */
  details?: React.ReactNode;
  confirmLabel: string;
  /** When set, the dialog asks for a written reason of at least 3 characters (the server's rule). */
  reasonLabel?: string;
  busy?: boolean;
  error?: React.ReactNode;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** A modal `<dialog>`: focus moves inside, Escape cancels, focus returns to the opener. */
export function ConfirmDialog({ open, title, body, details, confirmLabel, reasonLabel, busy = false, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation('organiser');
  const ref = useModalDialog(open);
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

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reasonLabel !== undefined && reason.trim().length < 3) {
      setInvalid(true);
      return;
    }
    onConfirm(reason.trim());
  }

  return (
    <dialog
      ref={ref}
      className="org-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} className="form" noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        {details}
        {reasonLabel !== undefined ? (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
            <textarea
              id={`${id}-reason`}
              className="org-textarea"
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
                {t('dialog.reasonRequired')}
              </p>
            ) : null}
          </div>
        ) : null}
        {error}
        <div className="org-actions">
          <Button type="submit" busy={busy}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('dialog.cancel')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
