import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useDeclareRecusal } from '../api/declare-recusal';
import { useOutbox } from '../stores/outbox-store';

interface RecusalFormProps {
  id: string;
  entrantId: number;
  entrantName: string;
  onCancel: () => void;
  onDeclared: () => void;
}

/** What the "declare a conflict" dialog shows: a mandatory reason, then the confirmation. */
export function RecusalForm({ id, entrantId, entrantName, onCancel, onDeclared }: RecusalFormProps) {
  const { t } = useTranslation('juror');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const declare = useDeclareRecusal();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return setError(t('conflict.reasonRequired'));
    try {
      await declare.mutateAsync({ entrantId, reason: reason.trim() });
      // The scorecard is withdrawn: what still waited on the tablet for it can no longer count.
      const { entries, discard } = useOutbox.getState();
      for (const e of entries) if (e.change.entrantId === entrantId) discard(e.id);
      onDeclared();
    } catch (e) {
      setError(isApiError(e, 'NETWORK') ? t('conflict.offline') : t('conflict.failed'));
    }
  };

  return (
    <>
      <h2 id={`${id}-title`}>{t('conflict.title')}</h2>
      <p>
        <bdi>
          <strong>{entrantName}</strong>
        </bdi>
      </p>
      <p>{t('conflict.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('conflict.reason')}</label>
          <textarea
            id={`${id}-reason`}
            dir="auto"
            rows={3}
            required
            maxLength={1000}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
        </div>
        {error ? (
          <p id={`${id}-error`} className="form__alert" role="alert">
            {error}
          </p>
        ) : null}
        <div className="juror-dialog__actions">
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t('conflict.cancel')}
          </Button>
          <Button type="submit" className="btn--danger" busy={declare.isPending}>
            {t('conflict.confirm')}
          </Button>
        </div>
      </form>
    </>
  );
}
