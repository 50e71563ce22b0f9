import { CompetitionExportSchema, type BackupResponse, type CompetitionExport, type CompetitionImportResponse } from '@palmares/contract';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { sortByName } from '../../../i18n/collate';
import { formatDate, formatNumber } from '../../../i18n/format';
import { formatAge, formatBytes } from '../../../i18n/relative';
import { useLanguage } from '../../../i18n/use-language';
import { backupDownloadUrl, competitionExportUrl, useBackups, useImportCompetition, useTakeBackup } from '../api/data';
import { Refusal } from './refusal';
import { TableScroll } from './table-scroll';
import { useNow } from './use-now';

function BackupResult({ backup }: { backup: BackupResponse }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  return (
    <div role="status" className="org-note">
      <p className="org-lead">{t('data.backup.done')}</p>
      <dl className="org-facts">
        <dt>{t('data.backup.file')}</dt>
        <dd dir="ltr">{backup.file}</dd>
        <dt>{t('data.backup.size')}</dt>
        <dd>{formatBytes(backup.bytes, lang)}</dd>
        <dt>{t('data.backup.integrity')}</dt>
        <dd>{backup.integrity === 'ok' ? t('data.backup.integrityOk') : backup.integrity}</dd>
        <dt>{t('data.backup.log')}</dt>
        <dd>{t('data.backup.logEntries', { count: backup.eventLogEntries })}</dd>
        <dt>{t('data.backup.takenAt')}</dt>
        <dd>
          <time dateTime={backup.takenAt}>{formatDate(backup.takenAt, lang, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
        </dd>
      </dl>
    </div>
  );
}

function Backups() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const backups = useBackups();
  const take = useTakeBackup();
  const now = useNow(10_000);
  if (backups.isPending) return <Loading />;
  if (backups.isError) return <ErrorMessage error={backups.error} onRetry={() => void backups.refetch()} />;
  const { backups: list, keep, minIntervalSeconds } = backups.data;
  return (
    <section className="card org-section" aria-labelledby="org-data-backup">
      <h2 id="org-data-backup">{t('data.backup.title')}</h2>
      <p className="muted">{t('data.backup.intro', { count: keep, seconds: minIntervalSeconds })}</p>
      <div className="org-actions">
        <Button busy={take.isPending} onClick={() => take.mutate()}>
          {t('data.backup.now')}
        </Button>
      </div>
      {take.data ? <BackupResult backup={take.data} /> : null}
      <Refusal error={take.error} />
      <h3>{t('data.backup.list')}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('data.backup.none')}</p>
      ) : (
        <TableScroll label={t('data.backup.list')}>
          <table className="org-table">
            <thead>
              <tr>
                <th scope="col">{t('data.backup.takenAt')}</th>
                <th scope="col">{t('data.backup.age')}</th>
                <th scope="col">{t('data.backup.size')}</th>
                <th scope="col">{t('data.backup.file')}</th>
                <th scope="col">{t('jurors.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.file}>
                  <th scope="row">
                    <time dateTime={b.takenAt}>{formatDate(b.takenAt, lang, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  </th>
                  <td>{formatAge(b.takenAt, now, lang)}</td>
                  <td className="org-num">{formatBytes(b.bytes, lang)}</td>
                  <td dir="ltr" className="org-cell-ltr">
                    <code className="org-token">{b.file}</code>
                  </td>
                  <td>
                    <a className="btn btn--ghost" href={backupDownloadUrl(b.file)} download={b.file} aria-label={t('data.backup.downloadOf', { date: formatDate(b.takenAt, lang, { dateStyle: 'medium', timeStyle: 'short' }) })}>
                      {t('data.backup.download')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="org-note" role="note">
        {t('data.backup.private')}
      </p>
    </section>
  );
}

function Export({ competitions }: { competitions: { id: number; name: string }[] }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  return (
    <section className="card org-section" aria-labelledby="org-data-export">
      <h2 id="org-data-export">{t('data.export.title')}</h2>
      <p className="muted">{t('data.export.intro')}</p>
      {competitions.length === 0 ? (
        <p className="muted">{t('data.export.none')}</p>
      ) : (
        <ul className="org-list">
          {sortByName(competitions, lang, (c) => c.name).map((c) => (
            <li key={c.id}>
              <a className="btn btn--secondary" href={competitionExportUrl(c.id)} download={`competition-${c.id}.json`}>
                {t('data.export.download', { name: c.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportChecks({ result }: { result: CompetitionImportResponse }) {
  const { t } = useTranslation('organiser');
  const count = (table: string) => result.tables[table] ?? 0;
  const checks = [t('data.import.checkFormat'), t('data.import.checkRows'), t('data.import.checkLog', { count: result.events }), t('data.import.checkIds')];
  return (
    <div className="org-stack" role="status">
      <p className="org-lead">{result.dryRun ? t('data.import.checked', { name: result.name }) : t('data.import.done', { name: result.name })}</p>
      <ul className="org-checks" aria-label={t('data.import.checksTitle')}>
        {checks.map((check) => (
          <li key={check} className="org-status org-status--submitted">
            <span aria-hidden="true">✓ </span>
            {check}
          </li>
        ))}
      </ul>
      <p>
        {t('data.import.contents', {
          entrants: t('data.count.entrants', { count: count('entrants') }),
          jurors: t('data.count.jurors', { count: count('jurors') }),
          rounds: t('data.count.rounds', { count: count('rounds') }),
          scorecards: t('data.count.scorecards', { count: count('scorecards') }),
        })}
      </p>
      {result.dropped.signoffs + result.dropped.publications > 0 ? (
        <p className="org-note">
          {t('data.import.dropped', {
            signoffs: t('data.count.signoffs', { count: result.dropped.signoffs }),
            publications: t('data.count.publications', { count: result.dropped.publications }),
          })}
        </p>
      ) : null}
    </div>
  );
}

function Import() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const id = useId();
  const importer = useImportCompetition();
  const [doc, setDoc] = useState<CompetitionExport | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    importer.reset();
    setDoc(null);
    setUnreadable(null);
    if (!file) return;
    let parsed: ReturnType<typeof CompetitionExportSchema.safeParse>;
    try {
      parsed = CompetitionExportSchema.safeParse(JSON.parse(await file.text()));
    } catch {
      setUnreadable(file.name);
      return;
    }
    if (!parsed.success) {
      setUnreadable(file.name);
      return;
    }
    setDoc(parsed.data);
    // The checks run first, on the server, and write nothing.
    importer.mutate({ doc: parsed.data, dryRun: true });
  }

  const result = importer.data;
  return (
    <section className="card org-section" aria-labelledby="org-data-import">
      <h2 id="org-data-import">{t('data.import.title')}</h2>
      <p className="muted">{t('data.import.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('data.import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          className="org-file"
          onClick={(event) => {
            event.currentTarget.value = '';
          }}
          onChange={(event) => void choose(event)}
        />
      </div>
      {importer.isPending ? <p role="status">{t('data.import.checking')}</p> : null}
      {unreadable ? (
        <p role="alert" className="field__error">
          {t('data.import.notAnExport', { name: unreadable })}
        </p>
      ) : null}
      {result ? <ImportChecks result={result} /> : null}
      {importer.isError ? (
        <div role="alert" className="org-stack">
          <p className="org-lead">{t('data.import.refused')}</p>
          <Refusal error={importer.error} />
        </div>
      ) : null}
      {result?.dryRun && doc ? (
        <div className="org-actions">
          <Button busy={importer.isPending} onClick={() => importer.mutate({ doc, dryRun: false })}>
            {t('data.import.confirm', { name: result.name, rows: formatNumber(result.rows, lang) })}
          </Button>
        </div>
      ) : null}
      {result && !result.dryRun ? (
        <p>
          <Link to={`/competitions/${result.competitionId}`}>{t('data.import.open', { name: result.name })}</Link>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The organiser's "Data" page: back the database up now (with the checked result), the backups
 * kept with their age, each downloadable; a competition exported as JSON, and one imported with
 * its checks shown (a dry run) before anything is written.
 */
export function DataScreen({ competitions }: { competitions: { id: number; name: string }[] }) {
  const { t } = useTranslation('organiser');
  return (
    <div className="org-screen">
      <div className="page-heading">
        <PageTitle>{t('data.title')}</PageTitle>
        <h1>{t('data.title')}</h1>
        <p className="muted">{t('data.intro')}</p>
      </div>
      <Backups />
      <Export competitions={competitions} />
      <Import />
    </div>
  );
}
