import { CreateJurorRequestSchema, type JurorAdmin } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useCreateJuror } from '../api/create-juror';
import { useUpdateJuror } from '../api/juror-changes';
import { useProblemMessages } from '../../../components/ui/field-errors';
import { Refusal } from './refusal';

interface JurorFormProps {
  competitionId: number;
  /** Editing this juror (name, title, e-mail); inviting a new one when absent. */
  juror?: JurorAdmin;
  onDone?: () => void;
}

/** Invites or edits a juror; validated with the contract's schema before it is sent. */
export function JurorForm({ competitionId, juror, onDone }: JurorFormProps) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const create = useCreateJuror(competitionId);
  const update = useUpdateJuror(competitionId);
  const mutation = juror ? update : create;
  const [draftInvalid, setInvalid] = useState<Set<string>>(new Set());
  // A field the server refused is marked like one the draft failed, with the server's rule in words.
  const refused = useProblemMessages(mutation.error);
  const invalid = new Set([...draftInvalid, ...refused.paths]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = CreateJurorRequestSchema.safeParse({
      name: data.get('name'),
      email: data.get('email'),
      title: data.get('title'),
      isChair: data.get('isChair') === 'on',
    });
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((i) => String(i.path[0]))));
      return;
    }
    setInvalid(new Set());
    if (juror) {
      const { name, email, title } = parsed.data;
      update.mutate({ jurorId: juror.id, changes: { name, email, title } }, { onSuccess: () => onDone?.() });
    } else {
      create.mutate(parsed.data, { onSuccess: () => form.reset() });
    }
  }

  const text = (name: 'name' | 'email' | 'title', type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`jurors.form.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        type={type}
        dir={type === 'email' ? 'ltr' : 'auto'}
        required={name === 'name'}
        defaultValue={juror?.[name] ?? ''}
        aria-invalid={invalid.has(name) || undefined}
        aria-describedby={invalid.has(name) ? `${id}-${name}-error` : undefined}
      />
      {invalid.has(name) ? (
        <p id={`${id}-${name}-error`} className="field__error">
          {draftInvalid.has(name) ? t(`jurors.form.${name}Invalid`) : refused.messageFor(name)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="form org-grid-form" onSubmit={submit} noValidate>
      {text('name')}
      {text('title')}
      {text('email', 'email')}
      {juror ? null : (
        <label className="org-choice">
          <input type="checkbox" name="isChair" />
          <span>{t('jurors.form.isChair')}</span>
        </label>
      )}
      <div className="org-actions">
        <Button type="submit" busy={mutation.isPending}>
          {juror ? t('jurors.form.save') : t('jurors.form.submit')}
        </Button>
        {juror ? (
          <Button variant="secondary" onClick={() => onDone?.()}>
            {t('dialog.cancel')}
          </Button>
        ) : null}
      </div>
      <Refusal error={mutation.error} />
    </form>
  );
}
