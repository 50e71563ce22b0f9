import { useTranslation } from 'react-i18next';

const COLUMNS = ['rank', 'startup', 'axis', 'score', 'rawMean', 'scorecards'] as const;

/**
 * The ranking's column headings, on screen and in print; `trims` adds the scores set aside,
 * `correct` the chair's column of corrections.
 */
export function RankingHead({ trims = false, correct = false }: { trims?: boolean; correct?: boolean }) {
  const { t } = useTranslation('results');
  const columns = trims ? [...COLUMNS, 'trims' as const] : COLUMNS;
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {t(`ranking.${column}`)}
          </th>
        ))}
        {correct ? <th scope="col">{t('confirm.correct.column')}</th> : null}
      </tr>
    </thead>
  );
}
