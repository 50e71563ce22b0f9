import { AxesUpdateSchema, type AxisInput, type CompetitionDetail, type Lang } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useUpdateAxes } from '../api/update-axes';
import { move } from './move';
import { Refusal } from './refusal';

/** The theme axes in display order: code, colour and a label in each language of the event. */
export function AxesForm({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const id = useId();
  const update = useUpdateAxes(competition.id);
  const [axes, setAxes] = useState<AxisInput[]>(competition.axes.map(({ code, color, labels }) => ({ code, color, labels })));
  const [problems, setProblems] = useState<string[]>([]);
  const locked = competition.settingsLocked;

  const change = (index: number, patch: Partial<AxisInput>) => setAxes(axes.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const label = (index: number, lang: Lang, text: string) => {
    const axis = axes[index];
    if (axis) change(index, { labels: { ...axis.labels, [lang]: text } });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = AxesUpdateSchema.safeParse({ axes });
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
        <legend>{t('setup.axes')}</legend>
        <ol className="org-rows">
          {axes.map((axis, index) => {
            const name = axis.labels[competition.defaultLanguage] || axis.code || String(index + 1);
            return (
              <li key={index} className="org-row-card">
                <div className="org-grid-form">
                  <div className="field">
                    <label htmlFor={`${id}-${index}-code`}>{t('setup.code')}</label>
                    <input id={`${id}-${index}-code`} dir="ltr" value={axis.code} onChange={(e) => change(index, { code: e.target.value })} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${index}-color`}>{t('setup.color')}</label>
                    <input id={`${id}-${index}-color`} type="color" className="org-color" value={axis.color} onChange={(e) => change(index, { color: e.target.value })} />
                  </div>
                  {competition.languages.map((lang) => (
                    <div className="field" key={lang}>
                      <label htmlFor={`${id}-${index}-${lang}`}>{t('setup.labelIn', { language: tc(`language.${lang}`) })}</label>
                      <input id={`${id}-${index}-${lang}`} lang={lang} dir="auto" value={axis.labels[lang] ?? ''} onChange={(e) => label(index, lang, e.target.value)} />
                    </div>
                  ))}
                </div>
                {locked ? null : (
                  <div className="org-actions org-actions--tight">
                    <Button variant="ghost" aria-label={t('reorder.up', { name })} disabled={index === 0} onClick={() => setAxes(move(axes, index, -1))}>
                      <span aria-hidden="true">↑</span>
                    </Button>
                    <Button variant="ghost" aria-label={t('reorder.down', { name })} disabled={index === axes.length - 1} onClick={() => setAxes(move(axes, index, 1))}>
                      <span aria-hidden="true">↓</span>
                    </Button>
                    <Button variant="ghost" onClick={() => setAxes(axes.filter((_, i) => i !== index))}>
                      {t('setup.removeNamed', { name })}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        {locked ? null : (
          <Button variant="secondary" onClick={() => setAxes([...axes, { code: '', color: '#1b4f8a', labels: {} }])}>
            {t('setup.addAxis')}
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
            {t('setup.saveAxes')}
          </Button>
        </div>
      )}
    </form>
  );
}
