import type { DeliberationRobustness } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { placeLabel } from '../lib/place-label';
import { isolate, localFloat, localPercent, nameList } from '../lib/numbers';
import { jurorLabel, nameOf, type DeliberationContext } from './context';
import { ordinal } from './prize-rules';

type Reason = DeliberationRobustness['reasons'][number];
type Change = DeliberationRobustness['leaveOneOutChanges'][number];

/** Agreement below this is low; the usual bar for Krippendorff's alpha. */
const ALPHA_BAR = 0.667;

/** "99 of 100": a share of re-drawn juries as a whole count out of a hundred. */
const ofHundred = (p: number) => Math.round(p * 100);

/**
 * Each reason as a sentence a jury acts on: the fact, then what to do. Statistics' names stay in
 * the details below; the numbers come from the ranking's own report.
 */
function useSentences(ctx: DeliberationContext) {
  const { t } = useTranslation('results');
  const robustness = ctx.deliberation.robustness!;
  const final = ctx.deliberation.kind === 'final';
  const name = (id: number | null) => (id === null ? '' : isolate(nameOf(ctx, id)));
  const juror = (n: number | null) => (n === null ? '' : isolate(jurorLabel(ctx, n, t)));
  const withoutJuror = (c: Change) => {
    if (!final) {
      const official = new Set(ctx.deliberation.selection.selectedIds);
      const other = robustness.leaveOneJurorOut.find((l) => l.juror === c.juror)?.outcome;
      const otherIds = new Set(other?.selectedIds ?? []);
      const gained = [...otherIds].filter((id) => !official.has(id)).map(name);
      const lost = [...official].filter((id) => !otherIds.has(id)).map(name);
      if (gained.length === 0 || lost.length === 0) return t('robustness.plain.shortlistTie', { juror: juror(c.juror) });
      return t('robustness.plain.shortlistChanges', { juror: juror(c.juror), gained: nameList(gained, ctx.lang), lost: nameList(lost, ctx.lang), count: gained.length });
    }
    const prizes = nameList(c.changes.map((x) => placeLabel(t, x.place)), ctx.lang);
    if (c.tieIds) return t('robustness.plain.leaveOneOutTie', { count: c.changes.length, prizes, juror: juror(c.juror), names: nameList(c.tieIds.map(name), ctx.lang) });
    const moves = c.changes.filter((x) => x.insteadId !== null).map((x) => t('robustness.plain.wouldBe', { name: name(x.insteadId), place: ordinal(t, x.place, ctx.lang) }));
    return t('robustness.plain.leaveOneOut', { count: c.changes.length, prizes, juror: juror(c.juror), moves: nameList(moves, ctx.lang) });
  };
  const reason = (r: Reason): string | null => {
    switch (r.code) {
      case 'LEAVE_ONE_OUT_CHANGES_SELECTION': {
        const c = robustness.leaveOneOutChanges.find((x) => x.juror === r.juror);
        return c ? withoutJuror(c) : t('robustness.reason.leaveOneOut', { juror: juror(r.juror) });
      }
      case 'METHOD_CHANGES_SELECTION':
        return t(final ? 'robustness.plain.method' : 'robustness.plain.methodShortlist', { method: t(`methodName.${(r.method ?? 'mean') as 'mean'}`) });
      case 'LOW_SELECTION_PROBABILITY': {
        const p = robustness.bootstrap.entrants.find((e) => e.entrantId === r.entrantId)?.pSelected ?? 0;
        return t(final ? 'robustness.plain.lowProbability' : 'robustness.plain.lowProbabilityShortlist', { name: name(r.entrantId), n: ofHundred(p) });
      }
      case 'SMALL_FLIP_MARGIN':
        return t('robustness.plain.flipMargin', { juror: juror(r.juror), name: name(r.entrantId), change: localFloat(robustness.flipMargin?.change ?? 0, ctx.lang) });
      case 'LOW_ALPHA':
        return t('robustness.plain.lowAlpha', { alpha: localFloat(robustness.alpha ?? 0, ctx.lang), bar: localFloat(ALPHA_BAR, ctx.lang) });
      case 'PENDING_CHAIR_DECISION':
        return t('robustness.reason.pending');
      default:
        return null;
    }
  };
  const stable = () => {
    const key = final ? 'robustness.plain.stable' : 'robustness.plain.stableShortlist';
    const winner = robustness.winner;
    const first = winner ? t('robustness.plain.firstIn', { name: name(winner.entrantId), n: ofHundred(winner.pFirst) }) : '';
    return `${t(key)}${first ? t('robustness.plain.then', { rest: first }) : '.'}`;
  };
  return { reason, stable };
}

/** The statistics behind the sentences, named, for whoever wants to check them. */
function Details({ ctx }: { ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const r = ctx.deliberation.robustness!;
  const changed = r.leaveOneJurorOut.filter((l) => l.changed).map((l) => isolate(jurorLabel(ctx, l.juror, t)));
  const winner = r.winner;
  return (
    <details className="res-banner__details">
      <summary>{t('robustness.details.summary')}</summary>
      <ul className="res-list">
        {r.alpha !== null ? <li>{t('robustness.alpha', { alpha: localFloat(r.alpha, ctx.lang) })}</li> : null}
        <li>
          {changed.length > 0
            ? t('robustness.details.leaveOneOut', { jurors: nameList(changed, ctx.lang), count: changed.length })
            : t('robustness.details.leaveOneOutNone')}
        </li>
        {winner ? (
          <li>
            {t(r.bootstrap.exact ? 'robustness.details.bootstrapExact' : 'robustness.details.bootstrap', {
              name: isolate(nameOf(ctx, winner.entrantId)),
              percent: localPercent(winner.pFirst, ctx.lang),
              resamples: r.bootstrap.resamples,
            })}
          </li>
        ) : null}
        {r.flipMargin ? <li>{t('robustness.details.flipMargin', { change: localFloat(r.flipMargin.change, ctx.lang) })}</li> : null}
      </ul>
    </details>
  );
}

/**
 * Stable, or to review: the fact and what to do in one sentence each, the icon and the words
 * carrying it, not the colour. A tie the chair already settled is not flagged again (the ranking
 * reads its own report so).
 */
export function RobustnessBanner({ ctx }: { ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const sentences = useSentences(ctx);
  const robustness = ctx.deliberation.robustness;
  if (!robustness) return null;
  const robust = robustness.banner === 'ROBUST';
  const lines = robust ? [sentences.stable()] : robustness.reasons.map(sentences.reason).filter((s): s is string => s !== null);
  return (
    <section className={robust ? 'res-banner res-banner--robust' : 'res-banner res-banner--review'} aria-labelledby="res-banner">
      <h2 id="res-banner" className="res-banner__title">
        <span aria-hidden="true">{robust ? '✓' : '!'}</span> {robust ? t('robustness.robust') : t('robustness.review')}
      </h2>
      <ul className="res-list res-banner__sentences">
        {[...new Set(lines)].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Details ctx={ctx} />
    </section>
  );
}
