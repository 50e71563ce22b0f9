import { useTranslation } from 'react-i18next';
import { placeLabel } from '../lib/place-label';
import type { DeliberationContext } from './context';

/**
 * The prizes as the deliberation now stands, for a confirmation: each selected startup with its
 * place (startups sharing a rank share the place).
 */
export function PrizeList({ ctx }: { ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const selected = ctx.deliberation.ranking.filter((row) => row.selected);
  return (
    <ol className="res-prize-list" aria-label={t('confirm.prizesLabel')}>
      {selected.map((row) => {
        const place = 1 + selected.filter((other) => other.rank !== null && row.rank !== null && other.rank < row.rank).length;
        return (
          <li key={row.entrantId}>{t('confirm.prizeLine', { prize: placeLabel(t, place), name: `\u2068${row.name}\u2069` })}</li>
        );
      })}
    </ol>
  );
}
