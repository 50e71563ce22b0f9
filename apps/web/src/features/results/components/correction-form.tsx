import type { DeliberationRow } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useCorrectScore } from '../api/chair';
import { criterionName, type DeliberationContext } from './context';
import { Refusal } from './refusal';

/** The chair's late corrections of this startup's scores: both values and the reason kept. */
export function CorrectionsList({ ctx, entrantId }: { ctx: DeliberationContext; entrantId: number }) {
  const { t } = useTranslation('results');
  const mine = ctx.deliberation.corrections.filter((c) => c.entrantId === entrantId);
  if (mine.length === 0) return null;
  const jurorName = (n: number) => ctx.deliberation.jurors.find((j) => j.number === n)?.name ?? t('juror.anonymous', { number: n });
  return (
    <ul className="res-list" role="list" aria-label={t('correction.listLabel')}>
      {mine.map((c) => (
        <li key={c.id}>
          {t('correction.line', {
            juror: `\u2068${jurorName(c.juror)}\u2069`,
            criterion: criterionName(ctx, c.criterion),
            from: c.oldValue,
            to: c.newValue,
          })}{' '}
          <q dir="auto">{c.reason}</q>
        </li>
      ))}
    </ul>
  );
}

/** The chair corrects one submitted score: juror, criterion, new value, and a mandatory reason. */
export function CorrectionForm({ ctx, row, roundId }: { ctx: DeliberationContext; row: DeliberationRow; roundId: number }) {
  const { t } = useTranslation('results');
  const id = useId();
  const correct = useCorrectScore(roundId);
  const { deliberation } = ctx;
  const [juror, setJuror] = useState(row.scorecards[0]?.juror ?? 0);
  const [criterion, setCriterion] = useState(deliberation.criteria[0]?.code ?? '');
  const card = row.scorecards.find((c) => c.juror === juror);
  const current = card?.scores[criterion];
  const [value, setValue] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  if (row.scorecards.length === 0) return null;
  const levels = Array.from({ length: deliberation.scale.max - deliberation.scale.min + 1 }, (_, i) => deliberation.scale.min + i);
  const jurorName = (n: number) => deliberation.jurors.find((j) => j.number === n)?.name ?? t('juror.anonymous', { number: n });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3 || value === '') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    correct.mutate(
      { juror, entrantId: row.entrantId, criterion, value, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          setValue('');
        },
      },
    );
  }

  return (
    <form className="res-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('correction.title')}</h3>
      <div className="res-form__row">
        <div className="field">
          <label htmlFor={`${id}-juror`}>{t('correction.juror')}</label>
          <select id={`${id}-juror`} className="res-input" value={juror} onChange={(e) => setJuror(Number(e.target.value))}>
            {row.scorecards.map((c) => (
              <option key={c.juror} value={c.juror}>
                {jurorName(c.juror)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-criterion`}>{t('correction.criterion')}</label>
          <select id={`${id}-criterion`} className="res-input" value={criterion} onChange={(e) => setCriterion(e.target.value)}>
            {deliberation.criteria.map((c) => (
              <option key={c.code} value={c.code}>
                {criterionName(ctx, c.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-value`}>{t('correction.value')}</label>
          <select
            id={`${id}-value`}
            className="res-input"
            value={value}
            aria-invalid={invalid && value === '' ? true : undefined}
            aria-describedby={`${id}-current`}
            onChange={(e) => setValue(e.target.value === '' ? '' : Number(e.target.value))}
          >
            <option value="">{t('correction.choose')}</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
          <p id={`${id}-current`} className="res-hint">
            {current === undefined ? '' : t('correction.current', { value: current })}
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('correction.reason')}</label>
        <textarea
          id={`${id}-reason`}
          className="res-input"
          rows={2}
          dir="auto"
          value={reason}
          aria-invalid={invalid && reason.trim().length < 3 ? true : undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {t('correction.required')}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" busy={correct.isPending}>
          {t('correction.submit')}
        </Button>
      </div>
      {correct.isSuccess ? (
        <p role="status" className="res-ok">
          {t('correction.done', { from: correct.data.oldValue, to: correct.data.newValue })}
        </p>
      ) : null}
      <Refusal error={correct.error} />
    </form>
  );
}
