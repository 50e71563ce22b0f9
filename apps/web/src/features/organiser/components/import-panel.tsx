import type { CompetitionDetail, EntrantImportResponse, ImportRowReport } from '@palmares/contract';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useImportEntrants } from '../api/import-entrants';
import { Refusal } from './refusal';
import { TableScroll } from './table-scroll';

function RowReport({ row }: { row: ImportRowReport }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  return (
    <tr>
      <td className="org-num">{formatNumber(row.line, lang)}</td>
      <th scope="row">
        <bdi>{row.name || '—'}</bdi>
      </th>
      <td>
        <bdi>{row.axis || '—'}</bdi>
      </td>
      <td>
        {row.status === 'create' ? (
          <span className="org-status org-status--submitted">
            <span aria-hidden="true">✓ </span>
            {row.entrantId !== null ? t('import.created') : t('import.willCreate')}
          </span>
        ) : (
          <span className="org-status org-status--recused">
            <span aria-hidden="true">✗ </span>
            {t('import.rejected')}
          </span>
        )}
      </td>
      <td>
        {row.problems.length > 0 ? (
          <ul className="org-problems">
            {row.problems.map((p, i) => (
              <li key={i}>{t(`import.reason.${p.reason}`, { field: p.field })}</li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}

function Report({ report }: { report: EntrantImportResponse }) {
  const { t } = useTranslation('organiser');
  return (
    <div className="org-stack">
      <p role="status" className="org-lead">
        {report.dryRun
          ? t('import.dryRunSummary', { count: report.toCreate, rejected: report.rejected })
          : t('import.doneSummary', { count: report.created, rejected: report.rejected })}
      </p>
      {report.ignoredColumns.length > 0 ? (
        <p className="muted">
          {t('import.ignored')} <bdi>{report.ignoredColumns.join(', ')}</bdi>
        </p>
      ) : null}
      <TableScroll label={t('import.tableLabel')}>
        <table className="org-table">
          <caption>{t('import.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('entrants.form.name')}</th>
              <th scope="col">{t('entrants.form.axisId')}</th>
              <th scope="col">{t('import.outcome')}</th>
              <th scope="col">{t('import.why')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <RowReport key={row.line} row={row} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** CSV import: choose a file, read it in the browser, dry run, then confirm. */
export function ImportPanel({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const importer = useImportEntrants(competition.id);
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    importer.reset();
    if (!file) {
      setCsv(null);
      return;
    }
    setFileName(file.name);
    const text = await file.text();
    setCsv(text);
    importer.mutate({ csv: text, dryRun: true });
  }

  const report = importer.data;
  return (
    <div className="org-stack">
      <p className="muted">{t('import.help')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          className="org-file"
          disabled={competition.settingsLocked}
          // Choosing the same file again (corrected and saved under its name) must run the dry run again:
          // a file input fires no change for the file it already holds, so it is emptied on each opening.
          onClick={(event) => {
            event.currentTarget.value = '';
          }}
          onChange={(event) => void choose(event)}
        />
      </div>
      {fileName && importer.isPending ? <p role="status">{t('import.reading', { name: fileName })}</p> : null}
      {report ? <Report report={report} /> : null}
      {report?.dryRun && csv !== null ? (
        <div className="org-actions">
          <Button busy={importer.isPending} disabled={report.toCreate === 0} onClick={() => importer.mutate({ csv, dryRun: false })}>
            {t('import.confirm', { count: report.toCreate })}
          </Button>
        </div>
      ) : null}
      <Refusal error={importer.error} />
    </div>
  );
}
