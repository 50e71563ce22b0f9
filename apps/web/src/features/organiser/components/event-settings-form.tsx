import { LANGUAGES, METHODS, SettingsUpdateSchema, type CompetitionDetail, type Lang } from '@palmares/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateSettings } from '../api/update-settings';
import { FieldError, useFieldErrors, WithFieldError } from '../../../components/ui/field-errors';
import { AxisQuotaFields, readAxisQuotas } from './axis-quota-fields';
import { SettingsForm } from './settings-form';
import { useQuotaSentence } from './use-quota-sentence';

/** Every time zone this browser knows, the competition's own included. */
const timeZones = (current: string) =>
  [...new Set([current, 'UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])])].sort((a, b) => a.localeCompare(b));

const optionalInt = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? null : Number(value));

/** The settings request as the form holds it; the contract's schema checks it before it is sent. */
function readSettings(form: HTMLFormElement, axes: CompetitionDetail['axes']) {
  const data = new FormData(form);
  return {
    name: data.get('name'),
    startsOn: data.get('startsOn'),
    endsOn: data.get('endsOn'),
    venue: data.get('venue') ?? '',
    timeZone: data.get('timeZone'),
    languages: LANGUAGES.filter((l) => data.get(`lang-${l}`) === 'on'),
    defaultLanguage: data.get('defaultLanguage'),
    method: data.get('method'),
    trim: data.get('trim') === '0' ? 0 : 'auto',
    awards: { count: Number(data.get('awardsCount')), axisMax: optionalInt(data.get('awardsAxisMax')) },
    shortlist: {
      size: Number(data.get('shortlistSize')),
      axisMin: Number(data.get('shortlistAxisMin')),
      axisMax: optionalInt(data.get('shortlistAxisMax')),
      perAxis: readAxisQuotas(data, axes),
    },
  };
}

/** The request path of a form field (`shortlistAxisMin` → `shortlist.axisMin`). */
const PATHS: Record<string, string> = {
  awardsCount: 'awards.count',
  awardsAxisMax: 'awards.axisMax',
  shortlistSize: 'shortlist.size',
  shortlistAxisMin: 'shortlist.axisMin',
  shortlistAxisMax: 'shortlist.axisMax',
};

/** One input of the form, marked and explained when refused. */
function Input({ id, name, label, props }: { id: string; name: string; label: string; props: React.InputHTMLAttributes<HTMLInputElement> }) {
  const { invalidProps } = useFieldErrors();
  const path = PATHS[name] ?? name;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} {...props} {...invalidProps(path)} />
      <FieldError path={path} />
    </div>
  );
}

/** The event and its pre-registered rules: name, dates, languages, method and trim, awards, shortlist. */
export function EventSettingsForm({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const id = useId();
  const update = useUpdateSettings(competition.id);
  const { rules } = competition;
  const [languages, setLanguages] = useState<Lang[]>(competition.languages);
  const locked = competition.settingsLocked;
  const { sentence: quotaSentence } = useQuotaSentence(competition);

  const input = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <Input key={name} id={`${id}-${name}`} name={name} label={label} props={props} />
  );
  // What the organiser calls each field of the request, for the list of refused fields.
  const labels: Record<string, string> = {
    name: t('setup.name'),
    venue: t('setup.venue'),
    timeZone: t('create.timeZone'),
    startsOn: t('setup.startsOn'),
    endsOn: t('setup.endsOn'),
    languages: t('setup.languages'),
    defaultLanguage: t('setup.defaultLanguage'),
    'awards.count': t('setup.awardsCount'),
    'awards.axisMax': t('setup.awardsAxisMax'),
    'shortlist.size': t('setup.shortlistSize'),
    'shortlist.axisMin': t('setup.shortlistAxisMin'),
    'shortlist.axisMax': t('setup.shortlistAxisMax'),
    ...Object.fromEntries(
      rules.shortlist.perAxis.flatMap((q, i) => [
        [`shortlist.perAxis.${i}.min`, `${t('setup.perAxis')} · ${q.axis} · ${t('setup.shortlistAxisMin')}`],
        [`shortlist.perAxis.${i}.max`, `${t('setup.perAxis')} · ${q.axis} · ${t('setup.shortlistAxisMax')}`],
      ]),
    ),
  };

  return (
    <SettingsForm schema={SettingsUpdateSchema} draft={(form) => readSettings(form, competition.axes)} save={update} locked={locked} saveLabel={t('setup.saveEvent')} describePath={(path) => labels[path]}>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.event')}</legend>
        <div className="org-grid-form">
          {input('name', t('setup.name'), { defaultValue: competition.name, dir: 'auto', required: true })}
          {input('venue', t('setup.venue'), { defaultValue: competition.venue, dir: 'auto' })}
          {input('startsOn', t('setup.startsOn'), { type: 'date', defaultValue: competition.startsOn, required: true })}
          {input('endsOn', t('setup.endsOn'), { type: 'date', defaultValue: competition.endsOn, required: true })}
          <div className="field">
            <label htmlFor={`${id}-timeZone`}>{t('create.timeZone')}</label>
            <WithFieldError path="timeZone">
              {(invalid) => (
                <select id={`${id}-timeZone`} name="timeZone" className="org-select" dir="ltr" defaultValue={competition.timeZone} {...invalid}>
                  {timeZones(competition.timeZone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll('_', ' ')}
                    </option>
                  ))}
                </select>
              )}
            </WithFieldError>
            <FieldError path="timeZone" />
          </div>
        </div>
      </fieldset>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.languages')}</legend>
        <div className="org-inline">
          {LANGUAGES.map((lang) => (
            <label key={lang} className="org-choice">
              <input
                type="checkbox"
                name={`lang-${lang}`}
                checked={languages.includes(lang)}
                onChange={(event) => setLanguages(event.target.checked ? [...languages, lang] : languages.filter((l) => l !== lang))}
              />
              <span lang={lang}>{tc(`language.${lang}`)}</span>
            </label>
          ))}
        </div>
        <FieldError path="languages" />
        <div className="field org-field--narrow">
          <label htmlFor={`${id}-default`}>{t('setup.defaultLanguage')}</label>
          <WithFieldError path="defaultLanguage">
            {(invalid) => (
              <select id={`${id}-default`} name="defaultLanguage" className="org-select" defaultValue={competition.defaultLanguage} {...invalid}>
                {languages.map((lang) => (
                  <option key={lang} value={lang} lang={lang}>
                    {tc(`language.${lang}`)}
                  </option>
                ))}
              </select>
            )}
          </WithFieldError>
          <FieldError path="defaultLanguage" />
        </div>
      </fieldset>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.method')}</legend>
        {METHODS.map((method) => (
          <label key={method} className="org-choice org-choice--explained">
            <input type="radio" name="method" value={method} defaultChecked={rules.method === method} aria-describedby={`${id}-m-${method}`} />
            <span>
              <span className="org-strong">{t(`methods.${method}.name`)}</span>
              <span id={`${id}-m-${method}`} className="org-sub">
                {t(`methods.${method}.explain`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.trim')}</legend>
        <label className="org-choice org-choice--explained">
          <input type="radio" name="trim" value="auto" defaultChecked={rules.trim === 'auto'} />
          <span>
            <span className="org-strong">{t('trim.auto.name')}</span>
            <span className="org-sub">{t('trim.auto.explain')}</span>
          </span>
        </label>
        <label className="org-choice org-choice--explained">
          <input type="radio" name="trim" value="0" defaultChecked={rules.trim === 0} />
          <span>
            <span className="org-strong">{t('trim.none.name')}</span>
            <span className="org-sub">{t('trim.none.explain')}</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.awards')}</legend>
        <div className="org-grid-form">
          {input('awardsCount', t('setup.awardsCount'), { type: 'number', min: 1, max: 100, defaultValue: rules.awards.count })}
          {input('awardsAxisMax', t('setup.awardsAxisMax'), { type: 'number', min: 1, defaultValue: rules.awards.axisMax ?? '', placeholder: t('setup.noLimit') })}
        </div>
      </fieldset>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.shortlist')}</legend>
        <div className="org-grid-form">
          {input('shortlistSize', t('setup.shortlistSize'), { type: 'number', min: 1, defaultValue: rules.shortlist.size })}
          {input('shortlistAxisMin', t('setup.shortlistAxisMin'), { type: 'number', min: 0, defaultValue: rules.shortlist.axisMin })}
          {input('shortlistAxisMax', t('setup.shortlistAxisMax'), { type: 'number', min: 1, defaultValue: rules.shortlist.axisMax ?? '', placeholder: t('setup.noLimit') })}
        </div>
        <AxisQuotaFields competition={competition} />
        <p className="org-note" data-testid="quota-sentence">
          {quotaSentence}
        </p>
      </fieldset>
    </SettingsForm>
  );
}
