import { RubricUpdateSchema, type CompetitionDetail, type CriterionInput, type Lang } from '@palmares/contract';
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, useFieldErrors } from '../../../components/ui/field-errors';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useUpdateRubric } from '../api/update-rubric';
import { EditableRows, NameFields } from './editable-rows';
import { SettingsForm } from './settings-form';
import { describeSetupPath } from './setup-paths';

type Scale = { min: number; max: number };

/** Each language's level descriptions, stretched or cut to the number of levels of the scale. */
function fitLevels(levels: CriterionInput['levels'], languages: Lang[], count: number): CriterionInput['levels'] {
  return Object.fromEntries(languages.map((lang) => [lang, Array.from({ length: count }, (_, i) => levels[lang]?.[i] ?? '')]));
}

/** A whole-number input of the rubric, marked and explained when refused. */
function ScaleInput({ id, path, min, max, value, onChange }: { id: string; path: string; min: number; max: number; value: number; onChange: (value: number) => void }) {
  const { invalidProps } = useFieldErrors();
  return (
    <>
      <input id={id} type="number" min={min} max={max} step={1} value={value} onChange={(e) => onChange(Math.trunc(Number(e.target.value)))} {...invalidProps(path)} />
      <FieldError path={path} />
    </>
  );
}

/** One level's description; a blank one is marked when its language's list was refused. */
function LevelInput({ id, path, lang, value, onChange }: { id: string; path: string; lang: string; value: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void }) {
  const { invalidProps } = useFieldErrors();
  return <input id={id} lang={lang} dir="auto" value={value} onChange={onChange} {...(value.trim() === '' ? invalidProps(path) : {})} />;
}

/** The level descriptions of a criterion, folded; unfolded while one of its languages is refused. */
function LevelDetails({ path, languages, children }: { path: string; languages: Lang[]; children: ReactNode }) {
  const { messageFor } = useFieldErrors();
  const refused = languages.some((l) => messageFor(`${path}.${l}`) !== undefined);
  const [open, setOpen] = useState(false);
  return (
    <details className="org-details" open={open || refused} onToggle={(e) => setOpen(e.currentTarget.open)}>
      {children}
    </details>
  );
}

/** The scale and the criteria: integer weights, labels and one description per level in every language. */
export function RubricForm({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const update = useUpdateRubric(competition.id);
  const locked = competition.settingsLocked;
  const [scale, setScale] = useState<Scale>(competition.rules.scale);
  const levelCount = Math.max(0, scale.max - scale.min + 1);
  const [criteria, setCriteria] = useState<CriterionInput[]>(competition.criteria.map(({ code, weight, labels, levels }) => ({ code, weight, labels, levels })));

  const change = (index: number, patch: Partial<CriterionInput>) => setCriteria(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const draft = () => ({ scale, criteria: criteria.map((c) => ({ ...c, levels: fitLevels(c.levels, competition.languages, levelCount) })) });

  return (
    <SettingsForm
      schema={RubricUpdateSchema}
      draft={draft}
      save={update}
      locked={locked}
      saveLabel={t('setup.saveRubric')}
      describePath={(path) => describeSetupPath(path, { criteria }, competition.defaultLanguage, t, tc)}
    >
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.scale')}</legend>
        <div className="org-grid-form">
          <div className="field">
            <label htmlFor={`${id}-min`}>{t('setup.scaleMin')}</label>
            <ScaleInput id={`${id}-min`} path="scale.min" min={0} max={99} value={scale.min} onChange={(min) => setScale({ ...scale, min })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('setup.scaleMax')}</label>
            <ScaleInput id={`${id}-max`} path="scale.max" min={1} max={100} value={scale.max} onChange={(max) => setScale({ ...scale, max })} />
          </div>
        </div>
      </fieldset>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.criteria')}</legend>
        <EditableRows
          rows={criteria}
          onChange={setCriteria}
          language={competition.defaultLanguage}
          newRow={() => ({ code: '', weight: 1, labels: {}, levels: {} })}
          addLabel={t('setup.addCriterion')}
          locked={locked}
          renderRow={(criterion, index, name) => {
            const levels = fitLevels(criterion.levels, competition.languages, levelCount);
            return (
              <>
                <div className="org-grid-form">
                  <NameFields id={`${id}-${index}`} path={`criteria.${index}`} row={criterion} languages={competition.languages} onChange={(patch) => change(index, patch)}>
                    <div className="field">
                      <label htmlFor={`${id}-${index}-weight`}>{t('setup.weight')}</label>
                      <ScaleInput id={`${id}-${index}-weight`} path={`criteria.${index}.weight`} min={1} max={1000} value={criterion.weight} onChange={(weight) => change(index, { weight })} />
                    </div>
                  </NameFields>
                </div>
                <LevelDetails path={`criteria.${index}.levels`} languages={competition.languages}>
                  <summary>{t('setup.levelsOf', { name, count: levelCount })}</summary>
                  {competition.languages.map((l) => (
                    <fieldset key={l} className="org-fieldset org-fieldset--inner">
                      <legend lang={l}>{tc(`language.${l}`)}</legend>
                      {l === competition.defaultLanguage ? null : <p className="muted org-hint">{t('setup.levelsOptional', { language: tc(`language.${competition.defaultLanguage}`) })}</p>}
                      <FieldError path={`criteria.${index}.levels.${l}`} />
                      {(levels[l] ?? []).map((text, level) => (
                        <div className="field org-level" key={level}>
                          <label htmlFor={`${id}-${index}-${l}-${level}`}>{t('setup.level', { n: formatNumber(scale.min + level, lang) })}</label>
                          <LevelInput
                            id={`${id}-${index}-${l}-${level}`}
                            path={`criteria.${index}.levels.${l}`}
                            lang={l}
                            value={text}
                            onChange={(e) => {
                              const next = [...(levels[l] ?? [])];
                              next[level] = e.target.value;
                              change(index, { levels: { ...levels, [l]: next } });
                            }}
                          />
                        </div>
                      ))}
                    </fieldset>
                  ))}
                </LevelDetails>
              </>
            );
          }}
        />
      </fieldset>
    </SettingsForm>
  );
}
