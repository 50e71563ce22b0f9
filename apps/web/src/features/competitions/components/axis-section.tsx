import type { Axis, Entrant, Lang } from '@palmares/contract';
import { useId, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { TranslatedText } from '../../../components/ui/translated-text';
import { EntrantCard } from './entrant-card';

interface AxisSectionProps {
  axis: Axis;
  entrants: Entrant[];
  fallbackLang: Lang;
}

export function AxisSection({ axis, entrants, fallbackLang }: AxisSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  // A custom property set through the CSSOM, which the CSP allows (an inline style attribute would not be).
  const style: CSSProperties & Record<'--axis-color', string> = { '--axis-color': axis.color };
  return (
    <section className="axis" aria-labelledby={headingId} style={style}>
      <h2 id={headingId} className="axis__heading">
        <span className="axis__marker" aria-hidden="true" />
        <span className="axis__label">
          <TranslatedText labels={axis.labels} fallbackLang={fallbackLang} />
        </span>
        <span className="axis__count">{t('competition.startups', { count: entrants.length })}</span>
      </h2>
      {entrants.length === 0 ? (
        <p className="muted">{t('competition.axisEmpty')}</p>
      ) : (
        <ul className="card-grid" role="list">
          {entrants.map((entrant) => (
            <li key={entrant.id}>
              <EntrantCard entrant={entrant} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
