import { IDLE_LOCK_MINUTES, TabletSettingsUpdateSchema, type CompetitionDetail } from '@palmares/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, useFieldErrors } from '../../../components/ui/field-errors';
import { useUpdateTablets } from '../api/update-tablets';
import { SettingsForm } from './settings-form';

const readTablets = (form: HTMLFormElement) => {
  const raw = String(new FormData(form).get('idleLockMinutes') ?? '').trim();
  return { idleLockMinutes: raw === '' ? undefined : Number(raw) };
};

function IdleLockInput({ id, defaultValue }: { id: string; defaultValue: number }) {
  const { t } = useTranslation('organiser');
  const { invalidProps } = useFieldErrors();
  const invalid = invalidProps('idleLockMinutes');
  return (
    <div className="field">
      <label htmlFor={id}>{t('tablets.idleLock')}</label>
      <input
        id={id}
        name="idleLockMinutes"
        type="number"
        inputMode="numeric"
        min={IDLE_LOCK_MINUTES.min}
        max={IDLE_LOCK_MINUTES.max}
        step={1}
        defaultValue={defaultValue}
        style={{ maxInlineSize: '10rem' }}
        {...invalid}
        aria-describedby={[invalid['aria-describedby'], `${id}-hint`].filter(Boolean).join(' ')}
      />
      <p id={`${id}-hint`} className="muted">
        {t('tablets.idleLockHint', { min: IDLE_LOCK_MINUTES.min, max: IDLE_LOCK_MINUTES.max, default: IDLE_LOCK_MINUTES.default })}
      </p>
      <FieldError path="idleLockMinutes" />
    </div>
  );
}

/**
 * The jurors' tablets: after how many minutes without a touch a tablet asks for the PIN. Not a
 * rule of the competition: it stays editable once scoring has opened, and the tablets take it
 * with their next read of the state.
 */
export function TabletsForm({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const update = useUpdateTablets(competition.id);
  return (
    <SettingsForm
      schema={TabletSettingsUpdateSchema}
      draft={readTablets}
      save={update}
      locked={false}
      saveLabel={t('tablets.save')}
      describePath={(path) => (path === 'idleLockMinutes' ? t('tablets.idleLock') : undefined)}
    >
      <IdleLockInput id={`${id}-idle`} defaultValue={competition.idleLockMinutes} />
    </SettingsForm>
  );
}
