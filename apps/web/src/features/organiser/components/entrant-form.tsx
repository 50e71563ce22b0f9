import { EntrantCreateSchema, type CompetitionDetail, type EntrantAdmin } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import { useCreateEntrant } from '../api/create-entrant';
import { useUpdateEntrant } from '../api/update-entrant';
import { useProblemMessages } from '../../../components/ui/field-errors';
import { Refusal } from './refusal';

type Field = 'name' | 'axisId' | 'founders' | 'pitch' | 'contactEmail';
const FIELDS: readonly Field[] = ['name', 'axisId', 'founders', 'pitch', 'contactEmail'];
const isField = (value: unknown): value is Field => FIELDS.some((f) => f === value);

interface EntrantFormProps {
  competition: CompetitionDetail;
  /** Editing this entrant; adding a new one when absent. */
  entrant?: EntrantAdmin;
  onDone: () => void;
}

/** Adds or edits an entrant; the contract's schema checks it before it is sent. */
export function EntrantForm({ competition, entrant, onDone }: EntrantFormProps) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const id = useId();
  const create = useCreateEntrant(competition.id);
  const update = useUpdateEntrant(competition.id);
  const mutation = entrant ? update : create;
  const [draftInvalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  // A field the server refused (a name already registered) is marked like one the draft failed.
  const refused = useProblemMessages(mutation.error);
  const invalid: ReadonlySet<Field> = new Set([...draftInvalid, ...refused.paths.filter(isField)]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = EntrantCreateSchema.safeParse({
      name: data.get('name'),
      axisId: Number(data.get('axisId')),
      founders: data.get('founders'),
      pitch: data.get('pitch'),
      contactEmail: data.get('contactEmail'),
    });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => i.path[0]).filter(isField));
      setInvalid(fields);
      const [first] = fields;
      if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setInvalid(new Set());
    if (entrant) update.mutate({ entrantId: entrant.id, changes: parsed.data }, { onSuccess: onDone });
    else create.mutate(parsed.data, { onSuccess: () => { form.reset(); onDone(); } });
  }

  const describedBy = (name: Field) => (invalid.has(name) ? `${id}-${name}-error` : undefined);
  const error = (name: Field) =>
    invalid.has(name) ? (
      <p id={`${id}-${name}-error`} className="field__error">
        {draftInvalid.has(name) ? t(`entrants.form.${name}Invalid`) : refused.messageFor(name)}
      </p>
    ) : null;

  return (
    <form className="form org-grid-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('entrants.form.name')}</label>
        <input id={`${id}-name`} name="name" dir="auto" required defaultValue={entrant?.name} aria-invalid={invalid.has('name') || undefined} aria-describedby={describedBy('name')} />
        {error('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-axis`}>{t('entrants.form.axisId')}</label>
        <select id={`${id}-axis`} name="axisId" className="org-select" required defaultValue={entrant?.axisId ?? ''} disabled={competition.settingsLocked && entrant !== undefined} aria-invalid={invalid.has('axisId') || undefined} aria-describedby={describedBy('axisId')}>
          <option value="">{t('entrants.form.chooseAxis')}</option>
          {competition.axes.map((axis) => (
            <option key={axis.id} value={axis.id}>
              {pickTranslation(axis.labels, lang, competition.defaultLanguage)}
            </option>
          ))}
        </select>
        {competition.settingsLocked && entrant ? <input type="hidden" name="axisId" value={entrant.axisId} /> : null}
        {error('axisId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-founders`}>{t('entrants.form.founders')}</label>
        <input id={`${id}-founders`} name="founders" dir="auto" defaultValue={entrant?.founders} aria-invalid={invalid.has('founders') || undefined} aria-describedby={describedBy('founders')} />
        {error('founders')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-contact`}>{t('entrants.form.contactEmail')}</label>
        <input id={`${id}-contact`} name="contactEmail" type="email" dir="ltr" defaultValue={entrant?.contactEmail} aria-invalid={invalid.has('contactEmail') || undefined} aria-describedby={describedBy('contactEmail')} />
        {error('contactEmail')}
      </div>
      <div className="field org-grid-form__wide">
        <label htmlFor={`${id}-pitch`}>{t('entrants.form.pitch')}</label>
        <textarea id={`${id}-pitch`} name="pitch" className="org-textarea" rows={3} dir="auto" defaultValue={entrant?.pitch} aria-invalid={invalid.has('pitch') || undefined} aria-describedby={describedBy('pitch')} />
        {error('pitch')}
      </div>
      <div className="org-actions org-grid-form__wide">
        <Button type="submit" busy={mutation.isPending}>
          {entrant ? t('entrants.form.save') : t('entrants.form.add')}
        </Button>
        {entrant ? (
          <Button variant="secondary" onClick={onDone}>
            {t('dialog.cancel')}
          </Button>
        ) : null}
      </div>
      <div className="org-grid-form__wide">
        <Refusal error={mutation.error} />
      </div>
    </form>
  );
}
