import type { CompetitionDetail, RoundDetail } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useMoveNowPitching } from '../api/move-now-pitching';
import { Refusal } from './refusal';
import { elapsed, useNow } from './use-now';

/**
 * Whether "previous" or "next" has nobody to go to: the first or the last finalist is on stage,
 * or (after a pause) was the last one seen on stage here. The server refuses those moves anyway.
 */
function usePitchEdges(round: RoundDetail): { atFirst: boolean; afterLast: boolean } {
  const onStage = round.nowPitching?.entrantId ?? null;
  // The last one seen on stage, kept through a pause (state adjusted while rendering).
  const [seen, setSeen] = useState<number | null>(onStage);
  if (onStage !== null && onStage !== seen) setSeen(onStage);
  const order = [...round.entrants].sort((a, b) => (a.pitchPosition ?? 0) - (b.pitchPosition ?? 0)).map((e) => e.id);
  const from = onStage ?? seen;
  const at = from === null ? -1 : order.indexOf(from);
  return { atFirst: onStage !== null && at === 0, afterLast: at !== -1 && at === order.length - 1 };
}

/** Who is on stage, for how long, and the previous / next / pause buttons every tablet follows. */
export function NowPitchingControl({ competition, round }: { competition: CompetitionDetail; round: RoundDetail }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const now = useNow();
  const move = useMoveNowPitching(competition.id);
  const onStage = round.nowPitching;
  const entrant = onStage ? competition.entrants.find((e) => e.id === onStage.entrantId) : undefined;
  const slot = onStage ? round.entrants.find((e) => e.id === onStage.entrantId)?.pitchPosition : null;
  const placed = round.entrants.every((e) => e.pitchPosition !== null);
  const edges = usePitchEdges(round);

  return (
    <div className="org-stack">
      <div className="org-now" aria-live="polite">
        {onStage && entrant ? (
          <>
            <p className="org-now__label">{t('now.onStage')}</p>
            <p className="org-now__name">
              {slot !== null && slot !== undefined ? <span className="org-now__slot">{t('now.slot', { n: formatNumber(slot, lang) })}</span> : null}
              <bdi data-testid="now-pitching-name">{entrant.name}</bdi>
            </p>
          </>
        ) : (
          <p className="org-now__name">{t('now.nobody')}</p>
        )}
      </div>
      {onStage?.since ? (
        <p className="org-now__timer">
          {t('now.since')}{' '}
          <time dateTime={onStage.since} className="org-timer">
            {elapsed(onStage.since, now)}
          </time>
        </p>
      ) : null}
      <div className="org-actions">
        <Button variant="secondary" busy={move.isPending} disabled={!placed || edges.atFirst} onClick={() => move.mutate({ action: 'previous' })}>
          <span aria-hidden="true" className="org-flip">
            ←
          </span>{' '}
          {t('now.previous')}
        </Button>
        <Button variant="secondary" busy={move.isPending} disabled={!onStage} onClick={() => move.mutate({ action: 'clear' })}>
          <span aria-hidden="true">‖</span> {t('now.pause')}
        </Button>
        <Button busy={move.isPending} disabled={!placed || edges.afterLast} aria-describedby={edges.afterLast ? 'org-now-last' : undefined} onClick={() => move.mutate({ action: 'next' })}>
          {t('now.next')}{' '}
          <span aria-hidden="true" className="org-flip">
            →
          </span>
        </Button>
      </div>
      {!placed ? <p className="muted">{t('now.drawFirst')}</p> : null}
      {edges.afterLast ? (
        <p id="org-now-last" className="muted">
          {t('confirm.now.lastPitched')}
        </p>
      ) : null}
      <Refusal error={move.error} />
    </div>
  );
}
