import type { IntegrityCell, ResultsIntegrity } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { criterionName, jurorLabel, nameOf, type DeliberationContext } from './context';

/** The differing scores, one row each: juror, startup, criterion, the value stored, the value in the log. */
export function IntegrityCells({ ctx, cells, total }: { ctx: DeliberationContext; cells: IntegrityCell[]; total: number }) {
  const { t } = useTranslation('results');
  const value = (v: number | null) => (v === null ? t('integrity.none') : formatNumber(v, ctx.lang));
  return (
    <>
      <table className="res-table res-integrity__cells">
        <caption className="visually-hidden">{t('integrity.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrity.juror')}</th>
            <th scope="col">{t('integrity.startup')}</th>
            <th scope="col">{t('integrity.criterion')}</th>
            <th scope="col" className="res-num">{t('integrity.stored')}</th>
            <th scope="col" className="res-num">{t('integrity.logged')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={`${c.juror ?? 'x'}-${c.entrantId}-${c.criterion}`}>
              <td><bdi>{c.juror === null ? t('integrity.unknownJuror') : jurorLabel(ctx, c.juror, t)}</bdi></td>
              <td><bdi>{nameOf(ctx, c.entrantId)}</bdi></td>
              <td><bdi>{criterionName(ctx, c.criterion)}</bdi></td>
              <td className="res-num res-bad">{value(c.stored)}</td>
              <td className="res-num">{value(c.logged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > cells.length ? <p className="res-hint">{t('integrity.more', { count: total - cells.length })}</p> : null}
    </>
  );
}

/**
 * Red, above everything else, as soon as a read of the results finds stored scores the event log
 * does not give: which cells, and that signing and publishing wait until they are put back.
 */
export function IntegrityBanner({ ctx, integrity = ctx.deliberation.integrity }: { ctx: DeliberationContext; integrity?: ResultsIntegrity }) {
  const { t } = useTranslation('results');
  if (integrity.ok) return null;
  return (
    <div className="res-banner res-banner--tampered" role="alert">
      <p className="res-banner__title">{t('integrity.title')}</p>
      <p>{t('integrity.explain', { count: integrity.total })}</p>
      <IntegrityCells ctx={ctx} cells={integrity.cells} total={integrity.total} />
    </div>
  );
}
