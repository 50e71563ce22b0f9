import type { CompetitionDetail, EntrantAdmin } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { sortByName } from '../../../i18n/collate';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useEntrants } from '../api/get-entrants';
import { entrantsExportUrl } from '../api/import-entrants';
import { useRemoveEntrant, useWithdrawEntrant } from '../api/remove-entrant';
import { AxisName } from './axis-name';
import { ConfirmDialog } from './confirm-dialog';
import { Refusal } from './refusal';
import { EntrantForm } from './entrant-form';
import { ImportPanel } from './import-panel';
import { ScreenHeading } from './screen-heading';
import { TableScroll } from './table-scroll';

type EntrantAction = { entrant: EntrantAdmin; action: 'remove' | 'withdraw' };

function EntrantState({ entrant }: { entrant: EntrantAdmin }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  if (!entrant.withdrawal) return null;
  return (
    <>
      <span className="org-badge org-badge--withdrawn">{t('entrants.withdrawn')}</span>
      <span className="org-sub">
        {t('entrants.withdrawnOn', { date: formatDate(entrant.withdrawal.at, lang, { dateStyle: 'medium' }) })} <bdi>{entrant.withdrawal.reason}</bdi>
      </span>
    </>
  );
}

interface AxisEntrantsProps {
  competition: CompetitionDetail;
  axisId: number;
  entrants: EntrantAdmin[];
  onEdit: (e: EntrantAdmin) => void;
  onAct: (pending: EntrantAction) => void;
}

function AxisEntrants({ competition, axisId, entrants, onEdit, onAct }: AxisEntrantsProps) {
  const { t } = useTranslation('organiser');
  const headingId = `org-axis-${axisId}`;
  const competing = entrants.filter((e) => !e.withdrawal).length;
  return (
    <section className="org-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="org-axis-heading">
        <AxisName competition={competition} axisId={axisId} />
        <span className="muted">
          {' · '}
          {competing === entrants.length
            ? t('entrants.count', { count: entrants.length })
            : t('entrants.countWithdrawn', { count: competing, withdrawn: t('entrants.withdrawnCount', { count: entrants.length - competing }) })}
        </span>
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
                <tr key={e.id} className={e.withdrawal ? 'org-row--withdrawn' : undefined}>
                  <th scope="row">
                    <bdi>{e.name}</bdi>
                    <EntrantState entrant={e} />
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
                    <div className="org-actions org-actions--tight">
                      <Button variant="ghost" aria-label={t('entrants.editOf', { name: e.name })} onClick={() => onEdit(e)}>
                        {t('entrants.edit')}
                      </Button>
                      {!competition.settingsLocked ? (
                        <Button variant="ghost" aria-label={t('entrants.removeOf', { name: e.name })} aria-haspopup="dialog" onClick={() => onAct({ entrant: e, action: 'remove' })}>
                          {t('entrants.remove')}
                        </Button>
                      ) : e.withdrawal ? null : (
                        <Button variant="ghost" aria-label={t('entrants.withdrawOf', { name: e.name })} aria-haspopup="dialog" onClick={() => onAct({ entrant: e, action: 'withdraw' })}>
                          {t('entrants.withdraw')}
                        </Button>
                      )}
                    </div>
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
  const lang = useLanguage();
  const entrants = useEntrants(competition.id);
  const [editing, setEditing] = useState<EntrantAdmin | null>(null);
  const [pending, setPending] = useState<EntrantAction | null>(null);
  const [done, setDone] = useState<EntrantAction | null>(null);
  const remove = useRemoveEntrant(competition.id);
  const withdraw = useWithdrawEntrant(competition.id);
  const acting = pending?.action === 'withdraw' ? withdraw : remove;

  if (entrants.isPending) return <Loading />;
  if (entrants.isError) return <ErrorMessage error={entrants.error} onRetry={() => void entrants.refetch()} />;
  const list = sortByName(entrants.data.entrants, lang, (e) => e.name);

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
            onAct={(next) => {
              remove.reset();
              withdraw.reset();
              setDone(null);
              setPending(next);
            }}
          />
        ))}
        {done ? (
          <p role="status" className="org-note">
            {t(done.action === 'remove' ? 'entrants.removed' : 'entrants.withdrawnDone', { name: done.entrant.name })}
          </p>
        ) : null}
      </section>
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t(`entrants.${pending.action}Title`, { name: pending.entrant.name }) : ''}
        body={pending ? t(`entrants.${pending.action}Body`) : ''}
        confirmLabel={pending ? t(`entrants.${pending.action}`) : ''}
        {...(pending?.action === 'withdraw' ? { reasonLabel: t('entrants.withdrawReason') } : {})}
        busy={acting.isPending}
        error={<Refusal error={acting.error} />}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => {
          if (!pending) return;
          const onSuccess = () => {
            setDone(pending);
            setPending(null);
            if (editing?.id === pending.entrant.id) setEditing(null);
          };
          if (pending.action === 'remove') remove.mutate(pending.entrant.id, { onSuccess });
          else withdraw.mutate({ entrantId: pending.entrant.id, reason }, { onSuccess });
        }}
      />
    </div>
  );
}
