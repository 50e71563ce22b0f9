import type { DeliberationCorrection, DeliberationRow } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useModalDialog } from '../../../components/ui/use-modal-dialog';
import { useCorrectScore } from '../api/chair';
import { isolate } from '../lib/numbers';
import { criterionName, type DeliberationContext } from './context';
import { Refusal } from './refusal';

/** The chair's late corrections of this startup's scores: both values and the reason kept. */
export function CorrectionsList({ ctx, entrantId }: { ctx: DeliberationContext; entrantId: number }) {
  const { t } = useTranslation('results');
  const mine = ctx.deliberation.corrections.filter((c) => c.entrantId === entrantId);
  if (mine.length === 0) return null;
  // As the record keeps it: "Juror 3", and the name the juror had then once the chair reveals names.
  const corrected = (c: DeliberationCorrection) => {
    const label = t('juror.anonymous', { number: c.juror });
    return c.jurorName ? t('confirm.correct.named', { name: c.jurorName, label }) : label;
  };
  return (
    <ul className="res-list" role="list" aria-label={t('correction.listLabel')}>
      {mine.map((c) => (
        <li key={c.id}>
          {t('correction.line', {
            juror: isolate(corrected(c)),
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

/** Which score the chair means to correct: the startup, and the juror when a grid cell was chosen. */
export interface CorrectionTarget {
  entrantId: number;
  juror?: number;
}

type Draft = { juror: number; criterion: string; value: number; reason: string };

/** A juror in the correction: "Juror 3", or "Karima Haddad (Juror 3)" once the names are revealed. */
function useJurorOption(ctx: DeliberationContext) {
  const { t } = useTranslation('results');
  return (n: number) => {
    const label = t('juror.anonymous', { number: n });
    const name = ctx.deliberation.jurors.find((j) => j.number === n)?.name;
    return name ? t('confirm.correct.named', { name, label }) : label;
  };
}

/** The correction's fields: juror, criterion, new value, and a mandatory reason; valid ones go to `onReady`. */
function CorrectionFields({ ctx, row, target, titleId, onReady, onCancel }: { ctx: DeliberationContext; row: DeliberationRow; target: CorrectionTarget; titleId: string; onReady: (draft: Draft) => void; onCancel: () => void }) {
  const { t } = useTranslation('results');
  const id = useId();
  const { deliberation } = ctx;
  const jurorOption = useJurorOption(ctx);
  const [juror, setJuror] = useState(target.juror ?? row.scorecards[0]?.juror ?? 0);
  const [criterion, setCriterion] = useState(deliberation.criteria[0]?.code ?? '');
  const current = row.scorecards.find((c) => c.juror === juror)?.scores[criterion];
  const [value, setValue] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const levels = Array.from({ length: deliberation.scale.max - deliberation.scale.min + 1 }, (_, i) => deliberation.scale.min + i);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3 || value === '') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onReady({ juror, criterion, value, reason: reason.trim() });
  }

  return (
    <form className="res-correction" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t('correction.title')}</h2>
      <p className="res-correction__startup">
        <bdi>{row.name}</bdi>
      </p>
      <div className="res-form__row">
        <div className="field">
          <label htmlFor={`${id}-juror`}>{t('correction.juror')}</label>
          <select id={`${id}-juror`} className="res-input" value={juror} onChange={(e) => setJuror(Number(e.target.value))}>
            {row.scorecards.map((c) => (
              <option key={c.juror} value={c.juror}>
                {jurorOption(c.juror)}
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
      <div className="confirm-dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('confirm.correct.cancel')}
        </Button>
        <Button type="submit">{t('correction.submit')}</Button>
      </div>
    </form>
  );
}

/**
 * The chair corrects one submitted score, from the startup's ranking row or a cell of the grid:
 * the fields in a dialog, then a confirmation that says the change in words and what it undoes
 * (the signatures). `onDone` hears the correction the server kept.
 */
export function CorrectionDialog({ ctx, target, onClose, onDone }: { ctx: DeliberationContext; target: CorrectionTarget | null; onClose: () => void; onDone: (c: DeliberationCorrection) => void }) {
  const { t } = useTranslation('results');
  const titleId = useId();
  const ref = useModalDialog(target !== null);
  const correct = useCorrectScore(ctx.deliberation.roundId);
  const jurorOption = useJurorOption(ctx);
  const [draft, setDraft] = useState<Draft | null>(null);
  const row = target ? ctx.deliberation.ranking.find((r) => r.entrantId === target.entrantId) : undefined;
  const close = () => {
    setDraft(null);
    correct.reset();
    onClose();
  };
  const from = draft && row ? row.scorecards.find((c) => c.juror === draft.juror)?.scores[draft.criterion] : undefined;

  return (
    <dialog
      ref={ref}
      className="confirm-dialog res-correction-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (draft === null) close();
      }}
    >
      {target && row && row.scorecards.length > 0 ? (
        <CorrectionFields key={`${target.entrantId}-${target.juror ?? ''}`} ctx={ctx} row={row} target={target} titleId={titleId} onReady={setDraft} onCancel={close} />
      ) : null}
      <ConfirmDialog
        open={draft !== null}
        title={t('confirm.correct.title')}
        body={
          draft && row ? (
            <>
              <p>
                {t('confirm.correct.body', {
                  juror: isolate(jurorOption(draft.juror)),
                  criterion: isolate(criterionName(ctx, draft.criterion)),
                  startup: isolate(row.name),
                  from: from ?? '—',
                  to: draft.value,
                })}
              </p>
              <q dir="auto">{draft.reason}</q>
            </>
          ) : null
        }
        irreversible={t('confirm.correct.irreversible')}
        confirmLabel={t('correction.submit')}
        busy={correct.isPending}
        error={<Refusal error={correct.error} />}
        onCancel={() => {
          setDraft(null);
          correct.reset();
        }}
        onConfirm={() => {
          if (!draft || !row) return;
          correct.mutate(
            { ...draft, entrantId: row.entrantId },
            {
              onSuccess: (done) => {
                onDone(done);
                close();
              },
            },
          );
        }}
      />
    </dialog>
  );
}
