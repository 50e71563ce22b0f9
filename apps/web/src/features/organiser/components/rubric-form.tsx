import { RubricUpdateSchema, type CompetitionDetail, type CriterionInput, type Lang } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useUpdateRubric } from '../api/update-rubric';
import { move } from './move';
import { Refusal } from './refusal';

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
  const [problems, setProblems] = useState<string[]>([]);

  const change = (index: number, patch: Partial<CriterionInput>) => setCriteria(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { scale, criteria: criteria.map((c) => ({ ...c, levels: fitLevels(c.levels, competition.languages, levelCount) })) };
    const parsed = RubricUpdateSchema.safeParse(body);
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setProblems([]);
    update.mutate(parsed.data);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
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
        <ol className="org-rows">
          {criteria.map((criterion, index) => {
            const name = criterion.labels[competition.defaultLanguage] || criterion.code || String(index + 1);
            const levels = fitLevels(criterion.levels, competition.languages, levelCount);
            return (
              <li key={index} className="org-row-card">
                <div className="org-grid-form">
                  <div className="field">
                    <label htmlFor={`${id}-${index}-code`}>{t('setup.code')}</label>
                    <input id={`${id}-${index}-code`} dir="ltr" value={criterion.code} onChange={(e) => change(index, { code: e.target.value })} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${index}-weight`}>{t('setup.weight')}</label>
                    <input id={`${id}-${index}-weight`} type="number" min={1} max={1000} step={1} value={criterion.weight} onChange={(e) => change(index, { weight: Math.trunc(Number(e.target.value)) })} />
                  </div>
                  {competition.languages.map((l) => (
                    <div className="field" key={l}>
                      <label htmlFor={`${id}-${index}-${l}`}>{t('setup.labelIn', { language: tc(`language.${l}`) })}</label>
                      <input id={`${id}-${index}-${l}`} lang={l} dir="auto" value={criterion.labels[l] ?? ''} onChange={(e) => change(index, { labels: { ...criterion.labels, [l]: e.target.value } })} />
                    </div>
                  ))}
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
                {locked ? null : (
                  <div className="org-actions org-actions--tight">
                    <Button variant="ghost" aria-label={t('reorder.up', { name })} disabled={index === 0} onClick={() => setCriteria(move(criteria, index, -1))}>
                      <span aria-hidden="true">↑</span>
                    </Button>
                    <Button variant="ghost" aria-label={t('reorder.down', { name })} disabled={index === criteria.length - 1} onClick={() => setCriteria(move(criteria, index, 1))}>
                      <span aria-hidden="true">↓</span>
                    </Button>
                    <Button variant="ghost" onClick={() => setCriteria(criteria.filter((_, i) => i !== index))}>
                      {t('setup.removeNamed', { name })}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        {locked ? null : (
          <Button variant="secondary" onClick={() => setCriteria([...criteria, { code: '', weight: 1, labels: {}, levels: {} }])}>
            {t('setup.addCriterion')}
          </Button>
        )}
      </fieldset>
      {problems.length > 0 ? (
        <div className="form__alert" role="alert">
          <p>{t('errors.validation')}</p>
          <ul lang="en" dir="ltr">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {update.isSuccess ? <p role="status">{t('setup.saved')}</p> : null}
      <Refusal error={update.error} />
      {locked ? null : (
        <div className="org-actions">
          <Button type="submit" busy={update.isPending}>
            {t('setup.saveRubric')}
          </Button>
        </div>
      )}
    </form>
  );
}
