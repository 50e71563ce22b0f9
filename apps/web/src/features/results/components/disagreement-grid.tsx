import { useTranslation } from 'react-i18next';
import { localDecimal, localFloat } from '../lib/numbers';
import type { DeliberationContext } from './context';

/**
 * Jurors × startups of raw totals. A startup whose totals spread more than the threshold, a total
 * far from the startup's median, and a juror whose totals barely vary are marked with an icon and
 * words, never by colour alone.
 */
export function DisagreementGrid({ ctx }: { ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const { deliberation } = ctx;
  const { grid, jurors } = deliberation;
  const cell = (juror: number, entrantId: number) => grid.cells.find((c) => c.juror === juror && c.entrantId === entrantId);
  const threshold = localFloat(grid.threshold, ctx.lang, Number.isInteger(grid.threshold) ? 0 : 1);
  const jurorName = (n: number) => jurors.find((j) => j.number === n)?.name ?? t('juror.anonymous', { number: n });
  // One region named by the heading: the scrolling grid (landmark-unique).
  return (
    <section className="res-section">
      <h2 id="res-grid">{t('grid.title')}</h2>
      <ul className="res-legend" role="list">
        <li>
          <span className="res-mark res-mark--spread" aria-hidden="true">↔</span> {t('grid.legendSpread', { threshold })}
        </li>
        <li>
          <span className="res-mark res-mark--far" aria-hidden="true">⚠</span> {t('grid.legendFar', { threshold })}
        </li>
        <li>
          <span className="res-mark res-mark--flat" aria-hidden="true">≈</span> {t('grid.legendFlat')}
        </li>
      </ul>
      <div className="res-scroll" role="region" aria-labelledby="res-grid" tabIndex={0}>
        <table className="res-table res-grid">
          <thead>
            <tr>
              <th scope="col">{t('ranking.startup')}</th>
              {jurors.map((j) => (
                <th key={j.number} scope="col" className={j.barelyVaries ? 'res-grid__flat' : undefined}>
                  <bdi>{jurorName(j.number)}</bdi>
                  {j.barelyVaries ? (
                    <>
                      {' '}
                      <span className="res-mark res-mark--flat" aria-hidden="true">≈</span>
                      <span className="visually-hidden">{t('grid.flat')}</span>
                    </>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {deliberation.ranking.map((row) => {
              const spread = grid.entrants.find((e) => e.entrantId === row.entrantId)?.disagreement ?? false;
              return (
                <tr key={row.entrantId} className={spread ? 'res-grid__spread' : undefined}>
                  <th scope="row">
                    <bdi>{row.name}</bdi>
                    {spread ? (
                      <>
                        {' '}
                        <span className="res-mark res-mark--spread" aria-hidden="true">↔</span>
                        <span className="visually-hidden">{t('grid.spread')}</span>
                      </>
                    ) : null}
                  </th>
                  {jurors.map((j) => {
                    const c = cell(j.number, row.entrantId);
                    if (!c || c.status !== 'submitted' || !c.total) {
                      return (
                        <td key={j.number} className="res-num muted">
                          {c?.status === 'recused' ? t('grid.recused') : '—'}
                        </td>
                      );
                    }
                    return (
                      <td key={j.number} className={c.farFromMedian ? 'res-num res-grid__far' : 'res-num'}>
                        {c.farFromMedian ? (
                          <span className="res-mark res-mark--far" aria-hidden="true">⚠ </span>
                        ) : null}
                        {localDecimal(c.total.display, ctx.lang)}
                        {c.farFromMedian ? <span className="visually-hidden"> {t('grid.far')}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
