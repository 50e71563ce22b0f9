import { RubricUpdateSchema, type CompetitionDetail, type CriterionInput, type Lang } from '@palmares/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useUpdateRubric } from '../api/update-rubric';
import { EditableRows, NameFields } from './editable-rows';
import { SettingsForm } from './settings-form';

type Scale = { min: number; max: number };

/** Each language's level descriptions, stretched or cut to the number of levels of the scale. */
function fitLevels(levels: CriterionInput['levels'], languages: Lang[], count: number): CriterionInput['levels'] {
  return Object.fromEntries(languages.map((lang) => [lang, Array.from({ length: count }, (_, i) => levels[lang]?.[i] ?? '')]));
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
    <SettingsForm schema={RubricUpdateSchema} draft={draft} save={update} locked={locked} saveLabel={t('setup.saveRubric')}>
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.scale')}</legend>
        <div className="org-grid-form">
          <div className="field">
            <label htmlFor={`${id}-min`}>{t('setup.scaleMin')}</label>
            <input id={`${id}-min`} type="number" min={0} max={99} value={scale.min} onChange={(e) => setScale({ ...scale, min: Math.trunc(Number(e.target.value)) })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('setup.scaleMax')}</label>
            <input id={`${id}-max`} type="number" min={1} max={100} value={scale.max} onChange={(e) => setScale({ ...scale, max: Math.trunc(Number(e.target.value)) })} />
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
                  <NameFields id={`${id}-${index}`} row={criterion} languages={competition.languages} onChange={(patch) => change(index, patch)}>
                    <div className="field">
                      <label htmlFor={`${id}-${index}-weight`}>{t('setup.weight')}</label>
                      <input id={`${id}-${index}-weight`} type="number" min={1} max={1000} step={1} value={criterion.weight} onChange={(e) => change(index, { weight: Math.trunc(Number(e.target.value)) })} />
                    </div>
                  </NameFields>
                </div>
                <details className="org-details">
                  <summary>{t('setup.levelsOf', { name, count: levelCount })}</summary>
                  {competition.languages.map((l) => (
                    <fieldset key={l} className="org-fieldset org-fieldset--inner">
                      <legend lang={l}>{tc(`language.${l}`)}</legend>
                      {(levels[l] ?? []).map((text, level) => (
                        <div className="field org-level" key={level}>
                          <label htmlFor={`${id}-${index}-${l}-${level}`}>{t('setup.level', { n: formatNumber(scale.min + level, lang) })}</label>
                          <input
                            id={`${id}-${index}-${l}-${level}`}
                            lang={l}
                            dir="auto"
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
                </details>
              </>
            );
          }}
        />
      </fieldset>
    </SettingsForm>
  );
}
