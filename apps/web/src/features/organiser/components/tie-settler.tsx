import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useChairDecision } from '../api/chair-decision';
import { Refusal } from './refusal';
import { ReorderList } from './reorder-list';

interface TieSettlerProps {
  competitionId: number;
  roundId: number;
  tied: { id: number; name: string }[];
  seats: number;
}

/** The chair's order for a tie the rules leave open: up / down buttons and a mandatory reason. */
export function TieSettler({ competitionId, roundId, tied, seats }: TieSettlerProps) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const decide = useChairDecision(competitionId, roundId);
  const [order, setOrder] = useState(tied);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    decide.mutate({ entrantIds: order.map((e) => e.id), reason: reason.trim() });
  }

  return (
    <form className="form org-tie" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('tie.title')}</h3>
      <p>{t('tie.explain', { count: seats, entrants: tied.length })}</p>
      <ReorderList items={order} keyOf={(e) => e.id} nameOf={(e) => e.name} render={(e) => <bdi>{e.name}</bdi>} onChange={setOrder} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('tie.reason')}</label>
        <textarea
          id={`${id}-reason`}
          className="org-textarea"
          rows={3}
          dir="auto"
          value={reason}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {invalid ? (
          <p id={`${id}-error`} className="field__error">
            {t('dialog.reasonRequired')}
          </p>
        ) : null}
      </div>
      <div className="org-actions">
        <Button type="submit" busy={decide.isPending}>
          {t('tie.submit')}
        </Button>
      </div>
      <Refusal error={decide.error} />
    </form>
  );
}
