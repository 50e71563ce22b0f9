import { CompetitionCreateSchema, DEFAULT_TIME_ZONE, LANGUAGES, type CompetitionSummary, type Lang } from '@palmares/contract';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodError } from 'zod';
import { Button } from '../../../components/ui/button';
import { FieldError, FieldErrorsProvider, useFieldErrors } from '../../../components/ui/field-errors';
import { RefusalSummary } from '../../../components/ui/refusal-summary';
import { formatDateRange } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useCreateCompetition } from '../api/create-competition';

/** Every time zone this browser knows; the event's own comes first in the list only by being chosen. */
function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([DEFAULT_TIME_ZONE, 'UTC', ...known])].sort((a, b) => a.localeCompare(b));
}

function browserTimeZone(zones: string[]): string {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && zones.includes(own) ? own : DEFAULT_TIME_ZONE;
}

interface Draft {
  copyFrom: string;
  name: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  venue: string;
  languages: Lang[];
  defaultLanguage: Lang;
}

/** One labelled input, marked and explained when refused. */
function Field({ id, path, label, hint, children }: { id: string; path: string; label: string; hint?: string; children: (props: Record<string, unknown>) => React.ReactNode }) {
  const { invalidProps } = useFieldErrors();
  const invalid = invalidProps(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, invalid['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, ...invalid, 'aria-describedby': describedBy })}
      <FieldError path={path} />
    </div>
  );
}

/**
 * "New competition": the event (name, dates, time zone, venue, languages), started from the
 * defaults or from an earlier edition; on success the organiser lands in its set-up.
 */
export function NewCompetitionForm({ earlier, onCreated }: { earlier: CompetitionSummary[]; onCreated: (id: number) => void }) {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const create = useCreateCompetition();
  const zones = useMemo(() => timeZones(), []);
  const [draft, setDraft] = useState<Draft>(() => ({
    copyFrom: '',
    name: '',
    startsOn: '',
    endsOn: '',
    timeZone: browserTimeZone(zones),
    venue: '',
    languages: ['fr', 'en', 'ar'],
    defaultLanguage: 'fr',
  }));
  const [draftError, setDraftError] = useState<ZodError | null>(null);
  const [submitted, setSubmitted] = useState(0);
  const shown = draftError ?? create.error;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  /** Starting from an earlier edition brings its venue, time zone and languages; the name and dates stay to type. */
  function chooseSource(value: string) {
    const source = earlier.find((c) => String(c.id) === value);
    setDraft((d) => (source ? { ...d, copyFrom: value, venue: source.venue, timeZone: source.timeZone, languages: source.languages, defaultLanguage: source.defaultLanguage } : { ...d, copyFrom: '' }));
  }

  function toggleLanguage(code: Lang, on: boolean) {
    setDraft((d) => {
      const languages = on ? LANGUAGES.filter((l) => l === code || d.languages.includes(l)) : d.languages.filter((l) => l !== code);
      const defaultLanguage = languages.includes(d.defaultLanguage) ? d.defaultLanguage : (languages[0] ?? d.defaultLanguage);
      return { ...d, languages, defaultLanguage };
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted((n) => n + 1);
    const { copyFrom, ...rest } = draft;
    const parsed = CompetitionCreateSchema.safeParse({ ...rest, ...(copyFrom ? { copyFrom: Number(copyFrom) } : {}) });
    if (!parsed.success) {
      setDraftError(parsed.error);
      const first = parsed.error.issues[0]?.path[0];
      if (typeof first === 'string') event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setDraftError(null);
    create.mutate(parsed.data, { onSuccess: (detail) => onCreated(detail.id) });
  }

  const labels: Record<string, string> = {
    name: t('setup.name'),
    startsOn: t('setup.startsOn'),
    endsOn: t('setup.endsOn'),
    timeZone: t('create.timeZone'),
    venue: t('setup.venue'),
    languages: t('setup.languages'),
    defaultLanguage: t('setup.defaultLanguage'),
    copyFrom: t('create.copyFrom'),
  };
  const source = earlier.find((c) => String(c.id) === draft.copyFrom);

  return (
    <form className="form new-competition" onSubmit={submit} noValidate>
      <FieldErrorsProvider error={shown} scope={id}>
        {earlier.length > 0 ? (
          <fieldset className="org-fieldset">
            <legend>{t('create.start')}</legend>
            <Field id={`${id}-copy`} path="copyFrom" label={t('create.copyFrom')} hint={source ? t('create.copyExplain') : t('create.defaultsExplain')}>
              {(props) => (
                <select {...props} name="copyFrom" className="org-select" value={draft.copyFrom} onChange={(e) => chooseSource(e.target.value)}>
                  <option value="">{t('create.fromDefaults')}</option>
                  {earlier.map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {`${c.name} (${formatDateRange(c.startsOn, c.endsOn, lang)})`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
        ) : (
          <p className="muted">{t('create.defaultsExplain')}</p>
        )}
        <fieldset className="org-fieldset">
          <legend>{t('setup.event')}</legend>
          <div className="org-grid-form">
            <Field id={`${id}-name`} path="name" label={t('setup.name')}>
              {(props) => <input {...props} name="name" dir="auto" required autoComplete="off" value={draft.name} onChange={(e) => set('name', e.target.value)} />}
            </Field>
            <Field id={`${id}-venue`} path="venue" label={t('setup.venue')}>
              {(props) => <input {...props} name="venue" dir="auto" value={draft.venue} onChange={(e) => set('venue', e.target.value)} />}
            </Field>
            <Field id={`${id}-starts`} path="startsOn" label={t('setup.startsOn')}>
              {(props) => <input {...props} name="startsOn" type="date" required value={draft.startsOn} onChange={(e) => set('startsOn', e.target.value)} />}
            </Field>
            <Field id={`${id}-ends`} path="endsOn" label={t('setup.endsOn')}>
              {(props) => <input {...props} name="endsOn" type="date" required value={draft.endsOn} onChange={(e) => set('endsOn', e.target.value)} />}
            </Field>
            <Field id={`${id}-zone`} path="timeZone" label={t('create.timeZone')}>
              {(props) => (
                <select {...props} name="timeZone" className="org-select" dir="ltr" value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
                  {zones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll('_', ' ')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset className="org-fieldset">
          <legend>{t('setup.languages')}</legend>
          <div className="org-inline">
            {LANGUAGES.map((code) => (
              <label key={code} className="org-choice">
                <input type="checkbox" name={`lang-${code}`} checked={draft.languages.includes(code)} onChange={(e) => toggleLanguage(code, e.target.checked)} />
                <span lang={code}>{tc(`language.${code}`)}</span>
              </label>
            ))}
          </div>
          <FieldError path="languages" />
          <div className="org-field--narrow">
            <Field id={`${id}-default`} path="defaultLanguage" label={t('setup.defaultLanguage')}>
              {(props) => (
                <select {...props} name="defaultLanguage" className="org-select" value={draft.defaultLanguage} onChange={(e) => set('defaultLanguage', e.target.value as Lang)}>
                  {draft.languages.map((code) => (
                    <option key={code} value={code} lang={code}>
                      {tc(`language.${code}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      </FieldErrorsProvider>
      <RefusalSummary key={submitted} error={shown} describePath={(path) => labels[path.split('.')[0] ?? path]} />
      <div className="org-actions">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? t('create.creating') : t('create.submit')}
        </Button>
      </div>
    </form>
  );
}
