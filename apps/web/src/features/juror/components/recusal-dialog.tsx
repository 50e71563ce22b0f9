import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Modal } from './modal';

// The form loads when the dialog first opens, not before the scorecard (budget: 160 KB gzipped).
const RecusalForm = lazy(async () => ({ default: (await import('./recusal-form')).RecusalForm }));

interface RecusalDialogProps {
  entrantId: number;
  entrantName: string;
  disabledReason: string | null;
  onDeclared: () => void;
}

/** "Declare a conflict": a mandatory reason, then a confirmation; needs the server. */
export function RecusalDialog({ entrantId, entrantName, disabledReason, onDeclared }: RecusalDialogProps) {
  const { t } = useTranslation('juror');
  const id = useId();
  const [open, setOpen] = useState(false);

  return (
    <div className="recusal">
      <button type="button" className="btn btn--ghost recusal__open" disabled={disabledReason !== null} aria-describedby={disabledReason ? `${id}-why` : undefined} onClick={() => setOpen(true)}>
        {t('conflict.open')}
      </button>
      {disabledReason ? (
        <p id={`${id}-why`} className="muted recusal__why">
          {disabledReason}
        </p>
      ) : null}
      <Modal open={open} onClose={() => setOpen(false)} labelledBy={`${id}-title`}>
        <Suspense fallback={<Loading />}>
          <RecusalForm
            id={id}
            entrantId={entrantId}
            entrantName={entrantName}
            onCancel={() => setOpen(false)}
            onDeclared={() => {
              setOpen(false);
              onDeclared();
            }}
          />
        </Suspense>
      </Modal>
    </div>
  );
}
