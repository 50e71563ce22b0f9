import type { CompetitionDetail } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';

type Shortlist = CompetitionDetail['rules']['shortlist'];

/**
 * The shortlist's rules as one sentence stating every rule (issue 16 point 6): the seats, the
 * default quota per axis, then each axis with its own ("Rules: 12 seats, at least 2 and at most 4
 * per axis; Mobility: at least 3 and at most 4."). Also each axis's bounds, for the skip notes.
 */
export function useQuotaSentence(competition: CompetitionDetail) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const n = (v: number) => formatNumber(v, lang);
  const shortlist: Shortlist = competition.rules.shortlist;
  const axisLabel = (code: string) => {
    const axis = competition.axes.find((a) => a.code === code);
    return axis ? pickTranslation(axis.labels, lang, competition.defaultLanguage) : code;
  };
  const clause = (min: number, max: number | null) =>
    min > 0 && max !== null ? t('quota.both', { min: n(min), max: n(max) }) : min > 0 ? t('quota.min', { min: n(min) }) : max !== null ? t('quota.max', { max: n(max) }) : t('quota.none');
  const exceptions = shortlist.perAxis.map((q) =>
    t('quota.axis', {
      axis: axisLabel(q.axis),
      rule: q.min > 0 && q.max !== null ? t('quota.axisBoth', { min: n(q.min), max: n(q.max) }) : q.min > 0 ? t('quota.axisMin', { min: n(q.min) }) : q.max !== null ? t('quota.axisMax', { max: n(q.max) }) : t('quota.axisNone'),
    }),
  );
  const sentence = t('quota.sentence', {
    seats: t('quota.seats', { count: shortlist.size, n: n(shortlist.size) }),
    quota: clause(shortlist.axisMin, shortlist.axisMax),
    exceptions: exceptions.map((e) => `${t('quota.separator')}${e}`).join(''),
  });
  const boundsOf = (code: string) => {
    const own = shortlist.perAxis.find((q) => q.axis === code);
    return own ? { min: own.min, max: own.max } : { min: shortlist.axisMin, max: shortlist.axisMax };
  };
  return { sentence, boundsOf, hasExceptions: shortlist.perAxis.length > 0 };
}
