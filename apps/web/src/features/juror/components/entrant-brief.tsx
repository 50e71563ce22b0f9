import '../juror-tablet.css';
import type { JurorEntrant } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '../hooks/use-media-query';

/** The width above which the scorecard has room to show the startup's brief unfolded (juror.css). */
const WIDE = '(min-width: 60.0625rem)';

function BriefBody({ entrant }: { entrant: Pick<JurorEntrant, 'founders' | 'pitch'> }) {
  const { t } = useTranslation('juror');
  return (
    <>
      {entrant.founders ? (
        <p className="entrant-brief__founders">
          <span className="entrant-brief__label">{t('card.founders')}</span> <bdi>{entrant.founders}</bdi>
        </p>
      ) : null}
      {entrant.pitch ? (
        <p className="entrant-brief__pitch" dir="auto">
          {entrant.pitch}
        </p>
      ) : null}
    </>
  );
}

/**
 * What the juror scores: the startup's founders and pitch paragraph, under its name. On a phone or
 * a portrait tablet it is folded (one line to open), so the criteria stay near the top; a landscape
 * tablet has the room to show it open.
 */
export function EntrantBrief({ entrant }: { entrant: Pick<JurorEntrant, 'founders' | 'pitch'> }) {
  const { t } = useTranslation('juror');
  const wide = useMediaQuery(WIDE);
  if (!entrant.founders && !entrant.pitch) return null;
  if (wide) {
    return (
      <section className="entrant-brief" aria-label={t('brief.title')}>
        <BriefBody entrant={entrant} />
      </section>
    );
  }
  return (
    <details className="entrant-brief entrant-brief--folded">
      <summary className="entrant-brief__summary">{entrant.pitch ? t('brief.open') : t('brief.openFounders')}</summary>
      <BriefBody entrant={entrant} />
    </details>
  );
}
