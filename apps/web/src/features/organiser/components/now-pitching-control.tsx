import type { CompetitionDetail, RoundDetail } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useMoveNowPitching } from '../api/move-now-pitching';
import { Refusal } from './refusal';
import { elapsed, useNow } from './use-now';

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
        <Button variant="secondary" busy={move.isPending} disabled={!placed} onClick={() => move.mutate({ action: 'previous' })}>
          <span aria-hidden="true" className="org-flip">
            ←
          </span>{' '}
          {t('now.previous')}
        </Button>
        <Button variant="secondary" busy={move.isPending} disabled={!onStage} onClick={() => move.mutate({ action: 'clear' })}>
          <span aria-hidden="true">‖</span> {t('now.pause')}
        </Button>
        <Button busy={move.isPending} disabled={!placed} onClick={() => move.mutate({ action: 'next' })}>
          {t('now.next')}{' '}
          <span aria-hidden="true" className="org-flip">
            →
          </span>
        </Button>
      </div>
      {!placed ? <p className="muted">{t('now.drawFirst')}</p> : null}
      <Refusal error={move.error} />
    </div>
  );
}
