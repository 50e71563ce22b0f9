import { useTranslation } from 'react-i18next';
import { tieExplain } from '../../../components/reorder/tie-explain';
import { TieSettler } from '../../../components/reorder/tie-settler';
import { useDecideTie } from '../api/chair';
import { isolate, nameList } from '../lib/numbers';
import { nameOf, type DeliberationContext } from './context';
import { Refusal } from './refusal';

interface DeliberationTieSettlerProps {
  ctx: DeliberationContext;
  entrantIds: number[];
  /** The seats the tied compete for (see `tieSeats`), not every seat still free. */
  seats: number;
}

/** The final's tie for the last prize places, settled by the chair from the deliberation. */
export function DeliberationTieSettler({ ctx, entrantIds, seats }: DeliberationTieSettlerProps) {
  const { t } = useTranslation('results');
  const decide = useDecideTie(ctx.deliberation.roundId);
  const texts = {
    title: t('settle.title'),
    explain: tieExplain({ entrants: (o) => t('settle.entrants', o), explain: (o) => t('settle.explain', o) }, ctx.lang, entrantIds.length, seats),
    reason: t('settle.reason'),
    reasonRequired: t('settle.required'),
    submit: t('settle.submit'),
    move: { up: (name: string) => t('settle.up', { name }), down: (name: string) => t('settle.down', { name }) },
    confirm: {
      title: t('confirm.settle.title'),
      body: (names: string[]) =>
        t('confirm.settle.body', { count: seats, order: nameList(names.map((name, i) => `${i + 1}. ${name}`), ctx.lang), first: isolate(names[0] ?? '') }),
      irreversible: t('confirm.settle.irreversible'),
    },
  };
  return (
    <TieSettler
      tied={entrantIds.map((id) => ({ id, name: nameOf(ctx, id) }))}
      texts={texts}
      look={{ form: 'res-form res-form--tie', list: 'res-order', reason: 'res-input' }}
      busy={decide.isPending}
      onSettle={(ids, reason, done) => decide.mutate({ entrantIds: ids, reason }, done)}
      refusal={<Refusal error={decide.error} />}
    />
  );
}
