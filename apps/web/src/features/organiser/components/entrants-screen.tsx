import type { CompetitionDetail, EntrantAdmin } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { useEntrants } from '../api/get-entrants';
import { entrantsExportUrl } from '../api/import-entrants';
import { AxisName } from './axis-name';
import { EntrantForm } from './entrant-form';
import { ImportPanel } from './import-panel';
import { ScreenHeading } from './screen-heading';
import { TableScroll } from './table-scroll';

function AxisEntrants({ competition, axisId, entrants, onEdit }: { competition: CompetitionDetail; axisId: number; entrants: EntrantAdmin[]; onEdit: (e: EntrantAdmin) => void }) {
  const { t } = useTranslation('organiser');
  const headingId = `org-axis-${axisId}`;
  return (
    <section className="org-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="org-axis-heading">
        <AxisName competition={competition} axisId={axisId} />
        <span className="muted"> · {t('entrants.count', { count: entrants.length })}</span>
      </h3>
      {entrants.length === 0 ? (
        <p className="muted">{t('entrants.axisEmpty')}</p>
      ) : (
        <TableScroll label={t('entrants.tableOf', { count: entrants.length })}>
          <table className="org-table">
            <thead>
              <tr>
                <th scope="col">{t('entrants.form.name')}</th>
                <th scope="col">{t('entrants.form.founders')}</th>
                <th scope="col">{t('entrants.form.contactEmail')}</th>
                <th scope="col">{t('entrants.privateLink')}</th>
                <th scope="col">{t('jurors.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entrants.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <bdi>{e.name}</bdi>
                  </th>
                  <td>
                    <bdi>{e.founders}</bdi>
                  </td>
                  <td dir="ltr" className="org-cell-ltr">
                    {e.contactEmail}
                  </td>
                  <td>
                    <code className="org-token" dir="ltr">
                      {e.accessToken.slice(0, 10)}…
                    </code>
                  </td>
                  <td>
                    <Button variant="ghost" aria-label={t('entrants.editOf', { name: e.name })} onClick={() => onEdit(e)}>
                      {t('entrants.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** Entrants by axis; add or edit by hand; CSV import with a dry run; CSV export. */
export function EntrantsScreen({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const entrants = useEntrants(competition.id);
  const [editing, setEditing] = useState<EntrantAdmin | null>(null);

  if (entrants.isPending) return <Loading />;
  if (entrants.isError) return <ErrorMessage error={entrants.error} onRetry={() => void entrants.refetch()} />;
  const list = entrants.data.entrants;

  return (
    <div className="org-screen">
      <ScreenHeading title={t('entrants.title')} competitionName={competition.name}>
        <p className="muted">{t('entrants.count', { count: list.length })}</p>
      </ScreenHeading>
      {competition.settingsLocked ? <p className="org-locked">{t('entrants.locked')}</p> : null}
      <div className="org-actions">
        <a className="btn btn--secondary" href={entrantsExportUrl(competition.id)} download>
          {t('entrants.export')}
        </a>
      </div>
      <section className="card org-section" aria-labelledby="org-entrant-form">
        <h2 id="org-entrant-form">{editing ? t('entrants.editTitle', { name: editing.name }) : t('entrants.addTitle')}</h2>
        {editing || !competition.settingsLocked ? (
          <EntrantForm key={editing?.id ?? 'new'} competition={competition} {...(editing ? { entrant: editing } : {})} onDone={() => setEditing(null)} />
        ) : (
          <p className="muted">{t('entrants.lockedAdd')}</p>
        )}
      </section>
      <section className="card org-section" aria-labelledby="org-entrant-import">
        <h2 id="org-entrant-import">{t('import.title')}</h2>
        {competition.settingsLocked ? <p className="muted">{t('entrants.lockedAdd')}</p> : <ImportPanel competition={competition} />}
      </section>
      <section className="org-section" aria-labelledby="org-entrant-list">
        <h2 id="org-entrant-list">{t('entrants.list')}</h2>
        {competition.axes.map((axis) => (
          <AxisEntrants
            key={axis.id}
            competition={competition}
            axisId={axis.id}
            entrants={list.filter((e) => e.axisId === axis.id)}
            onEdit={(e) => {
              setEditing(e);
              window.scrollTo({ top: 0 });
            }}
          />
        ))}
      </section>
    </div>
  );
}
