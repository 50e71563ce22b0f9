import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure, useUpdateDisclosure } from '../api/disclosure';
import { Refusal } from './refusal';

/**
 * Whether the startups not shortlisted see round 1 (their band, criterion scores, the jury's
 * feedback) once the shortlist is published. On unless turned off; it applies at once.
 */
export function Round1FeedbackOption({ competitionId, published }: { competitionId: number; published: boolean }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const disclosure = useDisclosure(competitionId);
  const update = useUpdateDisclosure(competitionId);
  if (!disclosure.data) return null;
  return (
    <div>
      <label className="org-choice org-choice--explained" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={update.isPending ? (update.variables.round1Feedback ?? disclosure.data.round1Feedback) : disclosure.data.round1Feedback}
          disabled={update.isPending}
          aria-describedby={`${id}-hint`}
          onChange={(event) => update.mutate({ round1Feedback: event.target.checked })}
        />
        <span>{t('shortlist.round1Feedback')}</span>
      </label>
      <p id={`${id}-hint`} className="muted">
        {published ? t('shortlist.round1FeedbackNow') : t('shortlist.round1FeedbackHint')}
      </p>
      <Refusal error={update.error} />
    </div>
  );
}
