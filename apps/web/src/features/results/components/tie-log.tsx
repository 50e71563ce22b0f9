import type { DeliberationTie } from '@palmares/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localDecimal, nameList } from '../lib/numbers';
import { criterionName, nameOf, type DeliberationContext } from './context';

const names = (ctx: DeliberationContext, ids: number[]) => nameList(ids.map((id) => nameOf(ctx, id)), ctx.lang);

function StepSentence({ ctx, tie, step }: { ctx: DeliberationContext; tie: DeliberationTie; step: DeliberationTie['steps'][number] }) {
  const { t } = useTranslation('results');
  const base = { ahead: `\u2068${nameOf(ctx, step.aheadId)}\u2069`, behind: `\u2068${nameOf(ctx, step.behindId)}\u2069` };
  switch (tie.kind) {
    case 'criterion':
      return (
        <>
          {t('ties.criterion', {
            ...base,
            criterion: criterionName(ctx, tie.criterion ?? ''),
            a: localDecimal(step.aheadDisplay, ctx.lang),
            b: localDecimal(step.behindDisplay, ctx.lang),
          })}
        </>
      );
    case 'head-to-head':
      return <>{t('ties.headToHead', { ...base, a: step.aheadValue, b: step.behindValue })}</>;
    case 'countback':
      return <>{t('ties.countback', base)}</>;
    default:
      return <>{t('ties.chair', base)}</>;
  }
}

/**
 * The rules the chain tried on an open tie, in its order ("same score, same impact, …, same
 * countback"): the ranking lists them; the chair's order is what the tie is waiting for.
 */
export function triedRules(ctx: DeliberationContext, t: TFunction<'results'>): string {
  const rules = ctx.deliberation.tieRules
    .filter((r) => r !== 'chair')
    .map((r) =>
      r.startsWith('criterion:')
        ? t('settle.triedCriterion', { criterion: criterionName(ctx, r.slice('criterion:'.length)) })
        : r === 'head-to-head'
          ? t('settle.triedHeadToHead')
          : t('settle.triedCountback'),
    );
  return new Intl.ListFormat(ctx.lang, { type: 'conjunction' }).format([t('settle.triedScore'), ...rules]);
}

/** The tie log in sentences: who went ahead of whom, by which rule, on which values. */
export function TieLog({ ctx }: { ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const { deliberation } = ctx;
  // Groups no rule could split: the startups share a rank.
  const byRank = new Map<number, number[]>();
  for (const r of deliberation.ranking) if (r.rank !== null) byRank.set(r.rank, [...(byRank.get(r.rank) ?? []), r.entrantId]);
  const shared = [...byRank.entries()].filter(([, ids]) => ids.length > 1);
  return (
    <section className="res-section" aria-labelledby="res-ties">
      <h2 id="res-ties">{t('ties.title')}</h2>
      {deliberation.ties.length === 0 && shared.length === 0 ? <p>{t('ties.none')}</p> : null}
      <ol className="res-list">
        {deliberation.ties.flatMap((tie, i) => [
          ...tie.steps.map((step) => (
            <li key={`${i}-${step.aheadId}-${step.behindId}`}>
              <StepSentence ctx={ctx} tie={tie} step={step} />
            </li>
          )),
          ...tie.stillTied.map((group) => (
            <li key={`${i}-tied-${group.join('-')}`} className="muted">
              {t('ties.stillTied', { names: names(ctx, group), rule: t(`ties.rule.${tie.kind}`) })}
            </li>
          )),
        ])}
        {shared.map(([rank, ids]) => (
          <li key={`shared-${rank}`}>
            <strong>{t('ties.shared', { names: names(ctx, ids), rank })}</strong>
          </li>
        ))}
      </ol>
    </section>
  );
}
