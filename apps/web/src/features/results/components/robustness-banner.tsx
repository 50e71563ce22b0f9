import type { DeliberationRobustness } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { localFloat, localPercent } from '../lib/numbers';
import { nameOf, type DeliberationContext } from './context';

type Reason = DeliberationRobustness['reasons'][number];

function useReasonText(ctx: DeliberationContext) {
  const { t } = useTranslation('results');
  const robustness = ctx.deliberation.robustness;
  return (r: Reason): string => {
    const juror = r.juror === null ? '' : (ctx.deliberation.jurors.find((j) => j.number === r.juror)?.name ?? t('juror.anonymous', { number: r.juror }));
    const name = r.entrantId === null ? '' : `\u2068${nameOf(ctx, r.entrantId)}\u2069`;
    switch (r.code) {
      case 'LEAVE_ONE_OUT_CHANGES_SELECTION':
        return t('robustness.reason.leaveOneOut', { juror });
      case 'METHOD_CHANGES_SELECTION':
        return t('robustness.reason.method', { method: t(`methodName.${(r.method ?? 'mean') as 'mean'}`) });
      case 'LOW_SELECTION_PROBABILITY': {
        const p = robustness?.bootstrap.entrants.find((e) => e.entrantId === r.entrantId)?.pSelected ?? 0;
        return t('robustness.reason.lowProbability', { name, percent: localPercent(p, ctx.lang) });
      }
      case 'SMALL_FLIP_MARGIN':
        return t('robustness.reason.flipMargin', { juror, name, change: localFloat(robustness?.flipMargin?.change ?? 0, ctx.lang) });
      case 'LOW_ALPHA':
        return t('robustness.reason.lowAlpha', { alpha: localFloat(robustness?.alpha ?? 0, ctx.lang) });
      case 'PENDING_CHAIR_DECISION':
        return t('robustness.reason.pending');
      default:
        return r.code;
    }
  };
}

/** ROBUST or REVIEW, with each reason in words; the icon and the word carry it, not the colour. */
export function RobustnessBanner({ ctx }: { ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const reasonText = useReasonText(ctx);
  const robustness = ctx.deliberation.robustness;
  if (!robustness) return null;
  const robust = robustness.banner === 'ROBUST';
  return (
    <section className={robust ? 'res-banner res-banner--robust' : 'res-banner res-banner--review'} aria-labelledby="res-banner">
      <h2 id="res-banner" className="res-banner__title">
        <span aria-hidden="true">{robust ? '✓' : '!'}</span> {robust ? t('robustness.robust') : t('robustness.review')}
      </h2>
      <p>{robust ? t('robustness.robustExplain') : t('robustness.reviewExplain')}</p>
      {robustness.reasons.length > 0 ? (
        <ul className="res-list">
          {robustness.reasons.map((r, i) => (
            <li key={i}>{reasonText(r)}</li>
          ))}
        </ul>
      ) : null}
      {robustness.alpha !== null ? <p className="res-hint">{t('robustness.alpha', { alpha: localFloat(robustness.alpha, ctx.lang) })}</p> : null}
    </section>
  );
}
