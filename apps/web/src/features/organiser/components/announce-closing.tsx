import { AnnounceClosingSchema } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodError } from 'zod';
import { Button } from '../../../components/ui/button';
import { FieldError, FieldErrorsProvider, WithFieldError } from '../../../components/ui/field-errors';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useAnnounceClosing } from '../api/announce-closing';
import { Refusal } from './refusal';
import { useNow } from './use-now';

/**
 * "Closing in N minutes": pushed to every tablet, which counts down and asks its juror to submit
 * the complete scorecards. Closing itself stays a separate act; announcing again moves the time.
 */
export function AnnounceClosing({ competitionId, roundId, closesAt }: { competitionId: number; roundId: number; closesAt: string | null }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const id = useId();
  const now = useNow();
  const announce = useAnnounceClosing(competitionId);
  const [draftError, setDraftError] = useState<ZodError | null>(null);
  const shown = draftError ?? announce.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get('minutes') ?? '').trim();
    const parsed = AnnounceClosingSchema.safeParse({ minutes: raw === '' ? undefined : Number(raw) });
    if (!parsed.success) return setDraftError(parsed.error);
    setDraftError(null);
    announce.mutate({ roundId, minutes: parsed.data.minutes });
  }

  const left = closesAt ? Math.max(0, Math.ceil((Date.parse(closesAt) - now) / 60_000)) : null;
  return (
    <form className="form org-announce" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('closing.title')}</h3>
      <p className="muted">{t('closing.explain')}</p>
      <FieldErrorsProvider error={shown} scope={id}>
        <div className="org-inline">
          <div className="field org-field--narrow">
            <label htmlFor={`${id}-minutes`}>{t('closing.minutes')}</label>
            <WithFieldError path="minutes">
              {(invalid) => <input id={`${id}-minutes`} name="minutes" type="number" inputMode="numeric" min={1} max={60} step={1} defaultValue={5} {...invalid} />}
            </WithFieldError>
            <FieldError path="minutes" />
          </div>
          <Button type="submit" variant="secondary" busy={announce.isPending}>
            {closesAt ? t('closing.again') : t('closing.announce')}
          </Button>
        </div>
      </FieldErrorsProvider>
      {!draftError ? <Refusal error={announce.error} /> : null}
      {closesAt && left !== null ? (
        <p role="status" className="org-note">
          {left > 0
            ? t('closing.announced', { time: formatDate(closesAt, lang, { timeStyle: 'short' }), count: left })
            : t('closing.due', { time: formatDate(closesAt, lang, { timeStyle: 'short' }) })}
        </p>
      ) : null}
    </form>
  );
}
