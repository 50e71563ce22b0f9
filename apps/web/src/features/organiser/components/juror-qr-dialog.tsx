import type { JurorAdmin } from '@palmares/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useModalDialog } from '../../../components/ui/use-modal-dialog';
import { inviteUrl } from './invite-url';
import { QrCode } from './qr-code';

/**
 * One juror's invitation as a QR code filling most of the screen, for a tablet's camera in the
 * room. A modal `<dialog>`: Escape or the button closes it, and the browser returns focus to the
 * button that opened it.
 */
export function JurorQrDialog({ juror, onClose }: { juror: JurorAdmin | null; onClose: () => void }) {
  const { t } = useTranslation('organiser');
  const ref = useModalDialog(juror !== null);
  const id = useId();

  const url = juror ? inviteUrl(juror.invitePath) : '';
  return (
    <dialog
      ref={ref}
      className="org-dialog org-qr-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {juror ? (
        <div className="org-qr-dialog__body">
          <h2 id={`${id}-title`}>{t('jurors.qrTitle', { name: juror.name })}</h2>
          <p id={`${id}-hint`}>{t('jurors.qrHint')}</p>
          <QrCode className="org-qr-dialog__code" text={url} label={t('jurors.qrLabel', { name: juror.name })} />
          <p className="org-qr-url" dir="ltr">
            {url}
          </p>
          <div className="org-actions">
            <Button variant="secondary" onClick={onClose}>
              {t('jurors.close')}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
