import type { JurorAdmin } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { inviteUrl } from './invite-url';
import { QrCode } from './qr-code';

/**
 * The printed invitations: one page per juror with the QR code, large enough for a tablet's camera
 * at arm's length, the juror's name, what to do, and the link in text for a tablet without a
 * camera. Hidden on screen; the print stylesheet shows it alone.
 */
export function InvitationSheet({ competitionName, jurors }: { competitionName: string; jurors: readonly JurorAdmin[] }) {
  const { t } = useTranslation('organiser');
  return (
    <section className="org-print-sheet" aria-label={t('jurors.printTitle')}>
      {jurors.map((juror) => (
        <article key={juror.id} className="org-print-card" aria-labelledby={`org-print-card-${juror.id}`}>
          <p className="org-print-card__event">
            <bdi>{competitionName}</bdi> — {t('jurors.printTitle')}
          </p>
          <h2 id={`org-print-card-${juror.id}`}>
            <bdi>{juror.name}</bdi>
            {juror.isChair ? ` (${t('jurors.chair')})` : ''}
          </h2>
          <QrCode className="org-print-card__code" text={inviteUrl(juror.invitePath)} label={t('jurors.qrLabel', { name: juror.name })} />
          <p className="org-print-card__hint">{t('jurors.printHint')}</p>
          <p className="org-qr-url org-print-card__url" dir="ltr">
            {inviteUrl(juror.invitePath)}
          </p>
          <p className="org-print-card__private">{t('jurors.printPrivate')}</p>
        </article>
      ))}
    </section>
  );
}
