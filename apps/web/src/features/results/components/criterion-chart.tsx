import type { Lang, StartupCriterion } from '@palmares/contract';
import type { CSSProperties } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickTranslation } from '../../../i18n/pick-translation';
import { localDecimal } from '../lib/numbers';

interface ChartProps {
  criteria: StartupCriterion[];
  lang: Lang;
  fallbackLang: Lang;
  /** Whom the scores are set against: the finalists (the final) or every startup of round 1. */
  field?: 'final' | 'round1';
}

/**
 * The startup's score per criterion against the field's minimum, median and maximum. Drawn with
 * CSS (logical positions, so it mirrors in Arabic); the table below it says the same in numbers.
 */
export function CriterionChart({ criteria, lang, fallbackLang, field = 'final' }: ChartProps) {
  const { t } = useTranslation('results');
  const id = useId();
  const lo = Math.min(1, ...criteria.map((c) => Math.floor(c.field.min.value)));
  const hi = Math.max(10, ...criteria.map((c) => Math.ceil(c.field.max.value)));
  const at = (v: number) => `${((v - lo) / (hi - lo)) * 100}%`;
  const name = (c: StartupCriterion) => pickTranslation(c.labels, lang, fallbackLang);
  const show = (n: { display: string }) => localDecimal(n.display, lang);
  return (
    <figure className="res-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{field === 'final' ? t('startup.chartCaption') : t('startup.round1.chartCaption')}</figcaption>
      <div className="res-chart__legend" aria-hidden="true">
        <span>
          <span className="res-chart__key res-chart__key--range" /> {field === 'final' ? t('startup.legendRange') : t('startup.round1.legendRange')}
        </span>
        <span>
          <span className="res-chart__key res-chart__key--median" /> {t('startup.legendMedian')}
        </span>
        <span>
          <span className="res-chart__key res-chart__key--you" /> {t('startup.legendYou')}
        </span>
      </div>
      <div className="res-chart__rows" aria-hidden="true">
        {criteria.map((c) => (
          <div key={c.code} className="res-chart__row">
            <span className="res-chart__label">{name(c)}</span>
            <span
              className="res-chart__track"
              style={
                {
                  '--from': at(c.field.min.value),
                  '--to': at(c.field.max.value),
                  '--median': at(c.field.median.value),
                  '--you': at(c.score.value),
                } as CSSProperties
              }
            >
              <span className="res-chart__range" />
              <span className="res-chart__median" />
              <span className="res-chart__you" />
            </span>
            <span className="res-chart__value">{show(c.score)}</span>
          </div>
        ))}
        <div className="res-chart__row res-chart__scale">
          <span />
          <span className="res-chart__ticks">
            <span>{lo}</span>
            <span>{hi}</span>
          </span>
          <span />
        </div>
      </div>
      <div className="res-scroll" role="region" aria-label={t('startup.tableLabel')} tabIndex={0}>
        <table className="res-table res-table--compact">
          <caption className="visually-hidden">{t('startup.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('startup.criterion')}</th>
              <th scope="col">{t('startup.yourScore')}</th>
              <th scope="col">{t('startup.min')}</th>
              <th scope="col">{t('startup.median')}</th>
              <th scope="col">{t('startup.max')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {name(c)} <span className="res-hint">{t('startup.weight', { weight: c.weight })}</span>
                </th>
                <td className="res-num res-strong">{show(c.score)}</td>
                <td className="res-num">{show(c.field.min)}</td>
                <td className="res-num">{show(c.field.median)}</td>
                <td className="res-num">{show(c.field.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
