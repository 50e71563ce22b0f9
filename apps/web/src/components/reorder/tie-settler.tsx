import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import type { MoveLabels } from './move-buttons';
import { ReorderList } from './reorder-list';

/** The contract's shortest reason for a chair decision (DeliberationDecisionRequestSchema). */
const MIN_REASON_LENGTH = 3;

export interface TiedEntrant {
  id: number;
  name: string;
}

/** The settler's words, from the screen's own translations. */
export interface TieSettlerTexts {
  title: string;
  explain: string;
  reason: string;
  /** Shown under the reason while it is shorter than the contract allows. */
  reasonRequired: string;
  submit: string;
  move: MoveLabels;
  /** The confirmation before the order is recorded: the order in words, and what it settles for good. */
  confirm: { title: string; body: (names: string[]) => string; irreversible: string };
}

/** The class names the screen dresses the settler in, from its own stylesheet. */
export interface TieSettlerLook {
  form: string;
  /** The order's CSS block (see ReorderList). */
  list: string;
  reason: string;
  actions?: string;
}

interface TieSettlerProps {
  tied: readonly TiedEntrant[];
  texts: TieSettlerTexts;
  look: TieSettlerLook;
  busy: boolean;
  /** Records the chair's order, first to last, with the reason trimmed; `done` once the server kept it. */
  onSettle: (entrantIds: number[], reason: string, done: { onSuccess: () => void }) => void;
  /** Why the server refused the order, in the screen's words. */
  refusal: ReactNode;
}

/**
 * The chair's order for a tie the rules leave open: up / down buttons, a mandatory reason, then a
 * confirmation that says the order in words.
 * Round 1's shortlist and the final's deliberation both use it, each with its words and look.
 */
export function TieSettler({ tied, texts, look, busy, onSettle, refusal }: TieSettlerProps) {
  const id = useId();
  const [order, setOrder] = useState(tied);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [asking, setAsking] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON_LENGTH) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setAsking(true);
  }

  return (
    <>
      <form className={look.form} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{texts.title}</h3>
        <p>{texts.explain}</p>
        <ReorderList items={order} keyOf={(e) => e.id} nameOf={(e) => e.name} render={(e) => <bdi>{e.name}</bdi>} onChange={setOrder} moveLabels={texts.move} block={look.list} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{texts.reason}</label>
          <textarea
            id={`${id}-reason`}
            className={look.reason}
            rows={3}
            dir="auto"
            value={reason}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {invalid ? (
            <p id={`${id}-error`} className="field__error">
              {texts.reasonRequired}
            </p>
          ) : null}
        </div>
        <div className={look.actions}>
          <Button type="submit" busy={busy}>
            {texts.submit}
          </Button>
        </div>
        {!asking ? refusal : null}
      </form>
      <ConfirmDialog
        open={asking}
        title={texts.confirm.title}
        body={
          <>
            <p>{texts.confirm.body(order.map((e) => e.name))}</p>
            <q dir="auto">{reason.trim()}</q>
          </>
        }
        irreversible={texts.confirm.irreversible}
        confirmLabel={texts.submit}
        busy={busy}
        error={refusal}
        onCancel={() => setAsking(false)}
        onConfirm={() => onSettle(order.map((e) => e.id), reason.trim(), { onSuccess: () => setAsking(false) })}
      />
    </>
  );
}
