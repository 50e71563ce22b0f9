import { CreateJurorRequestSchema } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useCreateJuror } from '../api/create-juror';
import { useProblemMessages } from '../../../components/ui/field-errors';
import { Refusal } from './refusal';

/** Invites a juror; validated with the contract's schema before it is sent. */
export function JurorForm({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const create = useCreateJuror(competitionId);
  const [draftInvalid, setInvalid] = useState<Set<string>>(new Set());
  // A field the server refused is marked like one the draft failed, with the server's rule in words.
  const refused = useProblemMessages(create.error);
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
    create.mutate(parsed.data, { onSuccess: () => form.reset() });
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
      <label className="org-choice">
        <input type="checkbox" name="isChair" />
        <span>{t('jurors.form.isChair')}</span>
      </label>
      <div className="org-actions">
        <Button type="submit" busy={create.isPending}>
          {t('jurors.form.submit')}
        </Button>
      </div>
      <Refusal error={create.error} />
    </form>
  );
}
