import { ReplaceJurorRequestSchema, type JurorAdmin } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useProblemMessages } from '../../../components/ui/field-errors';
import { useModalDialog } from '../../../components/ui/use-modal-dialog';
import { useReplaceJuror } from '../api/juror-changes';
import { Refusal } from './refusal';

type Field = 'name' | 'title' | 'email' | 'reason';

/**
 * Replaces a juror mid-competition, in a modal `<dialog>`: who takes over (name, title, e-mail)
 * and why (logged). Says what happens before it is done: the juror's submitted scorecards stay,
 * their link and tablets stop, the replacement gets a new link and the unfinished assignments.
 */
export function ReplaceJurorDialog({ competitionId, juror, onClose, onReplaced }: { competitionId: number; juror: JurorAdmin | null; onClose: () => void; onReplaced: (replacement: JurorAdmin) => void }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const ref = useModalDialog(juror !== null);
  const replace = useReplaceJuror(competitionId);
  const [draftInvalid, setInvalid] = useState<Set<string>>(new Set());
  const refused = useProblemMessages(replace.error);
  const invalid = new Set([...draftInvalid, ...refused.paths]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!juror) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = ReplaceJurorRequestSchema.safeParse(Object.fromEntries(['name', 'title', 'email', 'reason'].map((f) => [f, data.get(f)])));
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((i) => String(i.path[0]))));
      return;
    }
    setInvalid(new Set());
    replace.mutate(
      { jurorId: juror.id, replacement: parsed.data },
      {
        onSuccess: (replacement) => {
          form.reset();
          onReplaced(replacement);
        },
      },
    );
  }

  const field = (name: Field, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`jurors.replaceForm.${name}`)}</label>
      {name === 'reason' ? (
        <textarea id={`${id}-${name}`} name={name} className="org-textarea" rows={3} dir="auto" required aria-invalid={invalid.has(name) || undefined} aria-describedby={invalid.has(name) ? `${id}-${name}-error` : undefined} />
      ) : (
        <input id={`${id}-${name}`} name={name} type={type} dir={type === 'email' ? 'ltr' : 'auto'} required={name === 'name'} aria-invalid={invalid.has(name) || undefined} aria-describedby={invalid.has(name) ? `${id}-${name}-error` : undefined} />
      )}
      {invalid.has(name) ? (
        <p id={`${id}-${name}-error`} className="field__error">
          {draftInvalid.has(name) ? t(`jurors.replaceForm.${name}Invalid`) : refused.messageFor(name)}
        </p>
      ) : null}
    </div>
  );

  return (
    <dialog
      ref={ref}
      className="org-dialog"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {juror ? (
        <form className="form" onSubmit={submit} noValidate key={juror.id}>
          <h2 id={`${id}-heading`}>{t('jurors.replaceTitle', { name: juror.name })}</h2>
          <p id={`${id}-body`}>{t('jurors.replaceBody', { count: juror.scorecards, name: juror.name })}</p>
          {field('name')}
          {field('title')}
          {field('email', 'email')}
          {field('reason')}
          <Refusal error={replace.error} />
          <div className="org-actions">
            <Button type="submit" busy={replace.isPending}>
              {t('jurors.replace')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                replace.reset();
                setInvalid(new Set());
                onClose();
              }}
            >
              {t('dialog.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
