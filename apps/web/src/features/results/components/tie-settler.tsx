import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useDecideTie } from '../api/chair';
import { nameOf, type DeliberationContext } from './context';
import { Refusal } from './refusal';

/** The chair orders a tie the rules left open: up / down buttons, then a mandatory reason. */
export function TieSettler({ ctx, entrantIds, seats }: { ctx: DeliberationContext; entrantIds: number[]; seats: number }) {
  const { t } = useTranslation('results');
  const id = useId();
  const decide = useDecideTie(ctx.deliberation.roundId);
  const [order, setOrder] = useState(entrantIds);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setOrder(next);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    decide.mutate({ entrantIds: order, reason: reason.trim() });
  }

  return (
    <form className="res-form res-form--tie" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('settle.title')}</h3>
      <p>{t('settle.explain', { count: seats })}</p>
      <ol className="res-order" role="list">
        {order.map((entrantId, index) => {
          const name = nameOf(ctx, entrantId);
          return (
            <li key={entrantId} className="res-order__item">
              <span className="res-order__place" aria-hidden="true">
                {index + 1}
              </span>
              <bdi className="res-order__name">{name}</bdi>
              <span className="res-order__moves">
                <button type="button" className="btn btn--ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('settle.up', { name })}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="btn btn--ghost"
                  disabled={index === order.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('settle.down', { name })}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('settle.reason')}</label>
        <textarea
          id={`${id}-reason`}
          className="res-input"
          rows={3}
          dir="auto"
          value={reason}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {invalid ? (
          <p id={`${id}-error`} className="field__error">
            {t('settle.required')}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" busy={decide.isPending}>
          {t('settle.submit')}
        </Button>
      </div>
      <Refusal error={decide.error} />
    </form>
  );
}
