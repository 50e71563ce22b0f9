import type { ResultsLoggedChange } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format';
import { nameList } from '../lib/numbers';
import { criterionName, jurorLabel, nameOf, type DeliberationContext } from './context';

/**
 * The changes logged since a snapshot, one sentence each: who (chair or organiser, by name), what
 * (the cell and both values, or the order of a tie), when, and the reason written at the time.
 */
export function LoggedChanges({ ctx, changes }: { ctx: DeliberationContext; changes: ResultsLoggedChange[] }) {
  const { t } = useTranslation('results');
  return (
    <ul className="res-list" role="list">
      {changes.map((c) => {
        const by = c.byName ? t(`stale.by.${c.byRole}`, { name: `\u2068${c.byName}\u2069` }) : t(`stale.byRole.${c.byRole}`);
        const when = formatDate(c.at, ctx.lang, { dateStyle: 'medium', timeStyle: 'short' });
        const text =
          c.kind === 'correction'
            ? t('stale.correction', {
                by,
                juror: `\u2068${jurorLabel(ctx, c.juror ?? 0, t)}\u2069`,
                criterion: c.criterion ? criterionName(ctx, c.criterion) : '',
                startup: `\u2068${nameOf(ctx, c.entrantIds[0] ?? 0)}\u2069`,
                from: c.oldValue,
                to: c.newValue,
                when,
              })
            : t('stale.decision', { by, order: nameList(c.entrantIds.map((id, i) => `${i + 1}. \u2068${nameOf(ctx, id)}\u2069`), ctx.lang), when });
        return (
          <li key={c.seq}>
            {text} {t('stale.reason')} <q dir="auto">{c.reason}</q>
          </li>
        );
      })}
    </ul>
  );
}
