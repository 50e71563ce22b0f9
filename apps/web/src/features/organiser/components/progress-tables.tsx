import type { ProgressResponse } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { TableScroll } from './table-scroll';

type Row = { key: number; name: string; assigned: number; submitted: number; drafts: number };

function ProgressTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: Row[] }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  return (
    <TableScroll label={caption}>
      <table className="org-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{t('progress.submitted')}</th>
            <th scope="col">{t('progress.drafts')}</th>
            <th scope="col">{t('progress.assigned')}</th>
            <th scope="col">{t('progress.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <bdi>{row.name}</bdi>
              </th>
              <td className="org-num">{formatNumber(row.submitted, lang)}</td>
              <td className="org-num">{formatNumber(row.drafts, lang)}</td>
              <td className="org-num">{formatNumber(row.assigned, lang)}</td>
              <td>
                {row.submitted >= row.assigned ? (
                  <span className="org-status org-status--submitted">
                    <span aria-hidden="true">✓ </span>
                    {t('progress.done')}
                  </span>
                ) : (
                  <span className="org-status org-status--draft">
                    <span aria-hidden="true">… </span>
                    {t('progress.missing', { count: row.assigned - row.submitted })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Submitted scorecards per juror and per entrant, with what is still missing in words. */
export function ProgressTables({ progress }: { progress: ProgressResponse }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  return (
    <div className="org-stack">
      <p className="org-lead">
        {t('progress.total', {
          count: progress.total.submitted,
          n: formatNumber(progress.total.submitted, lang),
          assigned: formatNumber(progress.total.assigned, lang),
        })}
      </p>
      <div className="org-stack">
        <ProgressTable
          caption={t('progress.perJuror')}
          nameHeader={t('progress.juror')}
          rows={progress.jurors.map((j) => ({ key: j.jurorId, ...j }))}
        />
        <ProgressTable
          caption={t('progress.perEntrant')}
          nameHeader={t('progress.entrant')}
          rows={progress.entrants.map((e) => ({ key: e.entrantId, ...e }))}
        />
      </div>
    </div>
  );
}
