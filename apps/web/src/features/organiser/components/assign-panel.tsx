import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useAssignRound } from '../api/assign-round';
import { Refusal } from './refusal';

/** Who scores whom in a draft round: every juror every entrant, or a balanced draw of k per entrant. */
export function AssignPanel({ competitionId, roundId, assignmentCount }: { competitionId: number; roundId: number; assignmentCount: number }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const id = useId();
  const assign = useAssignRound(competitionId, roundId);
  const [mode, setMode] = useState<'all' | 'balanced'>('all');
  const [perEntrant, setPerEntrant] = useState(3);

  function submit(event: FormEvent) {
    event.preventDefault();
    assign.mutate(mode === 'all' ? { mode: 'all' } : { mode: 'balanced', perEntrant });
  }

  return (
    <form className="form" onSubmit={submit}>
      <fieldset className="org-fieldset">
        <legend>{t('assign.legend')}</legend>
        <label className="org-choice">
          <input type="radio" name="mode" checked={mode === 'all'} onChange={() => setMode('all')} />
          <span>{t('assign.all')}</span>
        </label>
        <label className="org-choice">
          <input type="radio" name="mode" checked={mode === 'balanced'} onChange={() => setMode('balanced')} />
          <span>{t('assign.balanced')}</span>
        </label>
        {mode === 'balanced' ? (
          <div className="field org-field--narrow">
            <label htmlFor={`${id}-k`}>{t('assign.perEntrant')}</label>
            <input
              id={`${id}-k`}
              type="number"
              min={1}
              max={100}
              value={perEntrant}
              onChange={(event) => setPerEntrant(Math.max(1, Math.trunc(Number(event.target.value)) || 1))}
            />
          </div>
        ) : null}
      </fieldset>
      <div className="org-actions">
        <Button type="submit" variant="secondary" busy={assign.isPending}>
          {t('assign.submit')}
        </Button>
      </div>
      <p role="status">
        {/* After a hand-made change in the matrix, the stored count, not the last draw's, is the truth. */}
        {assign.data && assign.data.pairs.length === assignmentCount
          ? t('assign.done', {
              count: assign.data.pairs.length,
              pairs: formatNumber(assign.data.pairs.length, lang),
            }) + (assign.data.repairs > 0 ? ` ${t('assign.repairs', { count: assign.data.repairs })}` : '')
          : assignmentCount > 0
            ? t('assign.current', { count: assignmentCount, pairs: formatNumber(assignmentCount, lang) })
            : t('assign.none')}
      </p>
      <Refusal error={assign.error} />
    </form>
  );
}
