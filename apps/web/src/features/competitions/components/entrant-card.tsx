import type { Entrant } from '@palmares/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';

/** Names and pitches are written by the entrants, in any script: `dir="auto"` and `<bdi>` keep them readable in RTL. */
export function EntrantCard({ entrant }: { entrant: Entrant }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card as="article" className="entrant-card" labelledBy={titleId}>
      <h3 id={titleId} className="entrant-card__name">
        <bdi>{entrant.name}</bdi>
      </h3>
      <p className="entrant-card__founders">
        <span className="entrant-card__label">{t('competition.founders')}</span> <bdi>{entrant.founders}</bdi>
      </p>
      <p className="entrant-card__pitch" dir="auto">
        {entrant.pitch}
      </p>
    </Card>
  );
}
