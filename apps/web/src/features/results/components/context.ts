import type { Axis, Deliberation, Lang } from '@palmares/contract';
import { pickTranslation } from '../../../i18n/pick-translation';

/** What the deliberation's parts share: names by id, axes, criteria, the languages. */
export interface DeliberationContext {
  deliberation: Deliberation;
  axes: Pick<Axis, 'code' | 'color' | 'labels'>[];
  lang: Lang;
  fallbackLang: Lang;
}

export const nameOf = (ctx: DeliberationContext, entrantId: number) =>
  ctx.deliberation.ranking.find((r) => r.entrantId === entrantId)?.name ?? `#${entrantId}`;

export const criterionName = (ctx: DeliberationContext, code: string) => {
  const criterion = ctx.deliberation.criteria.find((c) => c.code === code);
  return criterion ? pickTranslation(criterion.labels, ctx.lang, ctx.fallbackLang) : code;
};

export const axisOf = (ctx: DeliberationContext, code: string) => ctx.axes.find((a) => a.code === code);

export const jurorLabel = (ctx: DeliberationContext, number: number, t: (key: 'juror.anonymous', o: { number: number }) => string) => {
  const juror = ctx.deliberation.jurors.find((j) => j.number === number);
  return juror?.name ?? t('juror.anonymous', { number });
};
