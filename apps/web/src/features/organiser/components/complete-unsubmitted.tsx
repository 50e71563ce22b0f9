import type { LiveBoard } from '@palmares/contract';
import { useTranslation } from 'react-i18next';

/**
 * The drafts with every criterion scored but not submitted: they count only once submitted, so
 * the organiser sees them before closing (on the live board, and named in the close dialog).
 */
export function CompleteUnsubmitted({ board, headingLevel = 3 }: { board: LiveBoard; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('organiser');
  const pending = board.completeUnsubmitted;
  if (pending.length === 0) return null;
  const jurorName = (id: number) => board.jurors.find((j) => j.id === id)?.name ?? `#${id}`;
  const entrantName = (id: number) => board.entrants.find((e) => e.id === id)?.name ?? `#${id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="org-complete-unsubmitted" aria-label={t('closing.completeTitle', { count: pending.length })}>
      <Heading className="org-complete-unsubmitted__title">{t('closing.completeTitle', { count: pending.length })}</Heading>
      <p className="muted">{t('closing.completeExplain')}</p>
      <ul>
        {pending.map((p) => (
          <li key={`${p.jurorId}:${p.entrantId}`}>
            {t('closing.completeItem', { juror: '\u2068' + jurorName(p.jurorId) + '\u2069', entrant: '\u2068' + entrantName(p.entrantId) + '\u2069' })}
          </li>
        ))}
      </ul>
    </section>
  );
}
