import type { CompetitionDetail, JurorAdmin } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { sortByName } from '../../../i18n/collate';
import { useChangeBindings, type BindingAction } from '../api/change-bindings';
import { useJurors } from '../api/get-jurors';
import { useRemoveJuror } from '../api/juror-changes';
import { useRotateInvite } from '../api/rotate-invite';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { InvitationSheet } from './invitation-sheet';
import { inviteUrl, isLoopback } from './invite-url';
import { JurorForm } from './juror-form';
import { JurorQrDialog } from './juror-qr-dialog';
import { Refusal } from './refusal';
import { ReplaceJurorDialog } from './replace-juror-dialog';
import { ScreenHeading } from './screen-heading';
import { TableScroll } from './table-scroll';

function CopyLink({ juror, onShowQr }: { juror: JurorAdmin; onShowQr: () => void }) {
  const { t } = useTranslation('organiser');
  const [copied, setCopied] = useState(false);
  const url = inviteUrl(juror.invitePath);
  return (
    <div className="org-link">
      <a href={url} className="org-link__url" dir="ltr" aria-label={t('jurors.linkOf', { name: juror.name })}>
        {url}
      </a>
      <Button
        variant="ghost"
        aria-label={t('jurors.copyOf', { name: juror.name })}
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? t('jurors.copied') : t('jurors.copy')}
      </Button>
      <Button variant="ghost" aria-label={t('jurors.showQrOf', { name: juror.name })} aria-haspopup="dialog" onClick={onShowQr}>
        {t('jurors.showQr')}
      </Button>
    </div>
  );
}

function BindingStatus({ juror }: { juror: JurorAdmin }) {
  const { t } = useTranslation('organiser');
  const { active, locked } = juror.bindings;
  if (juror.replacedBy)
    return (
      <span className="org-status org-status--not-started">
        <span aria-hidden="true">○ </span>
        {t('jurors.linkStopped')}
      </span>
    );
  // Every tablet counts, and how many of them are blocked: "2 tablets bound, 1 blocked (PIN)".
  if (locked > 0)
    return (
      <span className="org-status org-status--recused">
        <span aria-hidden="true">🔒 </span>
        {t('jurors.binding.withBlocked', {
          tablets: t('jurors.binding.active', { count: active + locked }),
          blocked: t('jurors.binding.blockedPart', { count: locked }),
        })}
      </span>
    );
  if (active > 0)
    return (
      <span className="org-status org-status--submitted">
        <span aria-hidden="true">✓ </span>
        {t('jurors.binding.active', { count: active })}
      </span>
    );
  return (
    <span className="org-status org-status--not-started">
      <span aria-hidden="true">○ </span>
      {t('jurors.binding.none')}
    </span>
  );
}

type JurorAction = BindingAction | 'rotate' | 'remove';

/**
 * The jury: invitation links to copy or print, tablets bound, last contact; each juror edited,
 * removed before scoring or replaced mid-competition; unblock and revoke for jurors with a tablet.
 */
export function JurorsScreen({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const jurors = useJurors(competition.id);
  const change = useChangeBindings(competition.id);
  const rotate = useRotateInvite(competition.id);
  const remove = useRemoveJuror(competition.id);
  const [pending, setPending] = useState<{ juror: JurorAdmin; action: JurorAction } | null>(null);
  const acting = pending?.action === 'rotate' ? rotate : pending?.action === 'remove' ? remove : change;
  const [showing, setShowing] = useState<number | null>(null);
  const [editing, setEditing] = useState<JurorAdmin | null>(null);
  const [replacing, setReplacing] = useState<JurorAdmin | null>(null);
  // What was just done, worded when shown, so it follows a change of language.
  const [notice, setNotice] = useState<{ removed: string } | { replaced: string; by: string } | null>(null);

  if (jurors.isPending) return <Loading />;
  if (jurors.isError) return <ErrorMessage error={jurors.error} onRetry={() => void jurors.refetch()} />;
  // The chair first, then everyone by name as the reader's language sorts it.
  const list = sortByName(jurors.data.jurors, lang, (j) => j.name).sort((a, b) => Number(b.isChair) - Number(a.isChair));
  const ask = (juror: JurorAdmin, action: JurorAction) => {
    change.reset();
    rotate.reset();
    remove.reset();
    setNotice(null);
    setPending({ juror, action });
  };

  return (
    <div className="org-screen">
      <div className="org-stack org-no-print">
        <ScreenHeading title={t('jurors.title')} competitionName={competition.name}>
          <p className="muted">{t('jurors.count', { count: list.length })}</p>
        </ScreenHeading>
        <section className="card org-section" aria-labelledby="org-jurors-add">
          <h2 id="org-jurors-add">{editing ? t('jurors.editTitle', { name: editing.name }) : t('jurors.add')}</h2>
          <JurorForm key={editing?.id ?? 'new'} competitionId={competition.id} {...(editing ? { juror: editing } : {})} onDone={() => setEditing(null)} />
        </section>
        <section className="org-section" aria-labelledby="org-jurors-list">
          <div className="org-section__head">
            <h2 id="org-jurors-list">{t('jurors.list')}</h2>
            <Button variant="secondary" onClick={() => window.print()} disabled={list.length === 0}>
              {t('jurors.print')}
            </Button>
          </div>
          <p className="muted">{t('jurors.intro')}</p>
          {isLoopback(window.location.origin) ? (
            <p className="org-note" role="note">
              {t('jurors.loopback', { host: window.location.host })}
            </p>
          ) : null}
          <TableScroll label={t('jurors.list')}>
            <table className="org-table">
              <thead>
                <tr>
                  <th scope="col">{t('jurors.name')}</th>
                  <th scope="col">{t('jurors.tablet')}</th>
                  <th scope="col">{t('jurors.lastContact')}</th>
                  <th scope="col">{t('jurors.invitation')}</th>
                  <th scope="col">{t('jurors.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((juror) => (
                  <tr key={juror.id} className={juror.replacedBy ? 'org-row--withdrawn' : undefined}>
                    <th scope="row">
                      <bdi>{juror.name}</bdi>
                      {juror.isChair ? <span className="org-badge">{t('jurors.chair')}</span> : null}
                      {juror.title ? (
                        <span className="org-sub" dir="auto">
                          {juror.title}
                        </span>
                      ) : null}
                      {juror.replaces ? <span className="org-sub">{t('jurors.replaces', { name: juror.replaces.name })}</span> : null}
                      {juror.replacedBy ? <span className="org-badge org-badge--withdrawn">{t('jurors.replaced')}</span> : null}
                    </th>
                    <td>
                      <BindingStatus juror={juror} />
                    </td>
                    <td>
                      {juror.lastSeenAt ? (
                        <time dateTime={juror.lastSeenAt}>{formatDate(juror.lastSeenAt, lang, { dateStyle: 'short', timeStyle: 'short' })}</time>
                      ) : (
                        <span className="muted">{t('board.never')}</span>
                      )}
                    </td>
                    <td>
                      {juror.replacedBy ? (
                        <span className="muted">{t('jurors.replacedBy', { name: juror.replacedBy.name })}</span>
                      ) : (
                        <CopyLink juror={juror} onShowQr={() => setShowing(juror.id)} />
                      )}
                    </td>
                    <td>
                      {juror.replacedBy ? null : (
                        <div className="org-actions org-actions--tight">
                          <Button
                            variant="ghost"
                            aria-label={t('jurors.editOf', { name: juror.name })}
                            onClick={() => {
                              setEditing(juror);
                              window.scrollTo({ top: 0 });
                            }}
                          >
                            {t('jurors.edit')}
                          </Button>
                          {juror.scorecards === 0 && !(juror.isChair && competition.settingsLocked) ? (
                            <Button variant="ghost" aria-label={t('jurors.removeOf', { name: juror.name })} aria-haspopup="dialog" onClick={() => ask(juror, 'remove')}>
                              {t('jurors.remove')}
                            </Button>
                          ) : null}
                          {competition.settingsLocked && !juror.isChair ? (
                            <Button
                              variant="ghost"
                              aria-label={t('jurors.replaceOf', { name: juror.name })}
                              aria-haspopup="dialog"
                              onClick={() => {
                                setNotice(null);
                                setReplacing(juror);
                              }}
                            >
                              {t('jurors.replace')}
                            </Button>
                          ) : null}
                          {juror.bindings.locked > 0 ? (
                            <Button variant="ghost" aria-label={t('jurors.resetOf', { name: juror.name })} aria-haspopup="dialog" onClick={() => ask(juror, 'reset')}>
                              {t('jurors.reset')}
                            </Button>
                          ) : null}
                          {juror.bindings.active + juror.bindings.locked > 0 ? (
                            <Button variant="ghost" aria-label={t('jurors.revokeOf', { name: juror.name })} aria-haspopup="dialog" onClick={() => ask(juror, 'revoke')}>
                              {t('jurors.revoke')}
                            </Button>
                          ) : null}
                          <Button variant="ghost" aria-label={t('jurors.rotateOf', { name: juror.name })} aria-haspopup="dialog" onClick={() => ask(juror, 'rotate')}>
                            {t('jurors.rotate')}
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {change.isSuccess ? <p role="status">{t('jurors.changed', { count: change.data.bindings })}</p> : null}
          {rotate.isSuccess ? <p role="status">{t('jurors.rotated', { name: rotate.data.name })}</p> : null}
          {notice ? (
            <p role="status" className="org-note">
              {'removed' in notice ? t('jurors.removed', { name: notice.removed }) : t('jurors.replacedDone', { name: notice.replaced, replacement: notice.by })}
            </p>
          ) : null}
        </section>
        <ConfirmDialog
          open={pending !== null}
          title={pending ? t(`jurors.${pending.action}Title`, { name: pending.juror.name }) : ''}
          body={pending ? t(`jurors.${pending.action}Body`) : ''}
          confirmLabel={pending ? t(`jurors.${pending.action}`) : ''}
          busy={acting.isPending}
          error={<Refusal error={acting.error} />}
          onCancel={() => {
            setPending(null);
            change.reset();
            rotate.reset();
            remove.reset();
          }}
          onConfirm={() => {
            if (!pending) return;
            const done = { onSuccess: () => setPending(null) };
            const { juror, action } = pending;
            if (action === 'rotate') rotate.mutate(juror.id, done);
            else if (action === 'remove')
              remove.mutate(juror.id, {
                onSuccess: () => {
                  setPending(null);
                  if (editing?.id === juror.id) setEditing(null);
                  setNotice({ removed: juror.name });
                },
              });
            else change.mutate({ jurorId: juror.id, action }, done);
          }}
        />
        <ReplaceJurorDialog
          competitionId={competition.id}
          juror={replacing}
          onClose={() => setReplacing(null)}
          onReplaced={(replacement) => {
            setNotice({ replaced: replacing?.name ?? '', by: replacement.name });
            setReplacing(null);
          }}
        />
        <JurorQrDialog juror={list.find((j) => j.id === showing) ?? null} onClose={() => setShowing(null)} />
      </div>
      <InvitationSheet competitionName={competition.name} jurors={list} />
    </div>
  );
}
