import type { Lang, StartupRound1 } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/use-language';
import { localDecimal } from '../lib/numbers';
import { CriterionChart } from './criterion-chart';
import { ordinal } from './prize-rules';
import { ChairReason, ScoreConsistency } from './startup-explain';
import { Feedback } from './startup-feedback';

/**
 * Round 1 for a startup not shortlisted: where it placed (a band, never the exact place), its
 * criterion scores against every startup of round 1, the jury's feedback, and any tie in words.
 */
export function StartupRound1View({ round1, fallbackLang }: { round1: StartupRound1; fallbackLang: Lang }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const { band } = round1;
  const tie = round1.ties[0];
  return (
    <section className="res-section res-round1" aria-labelledby="res-round1">
      <h2 id="res-round1">{t('startup.round1.title')}</h2>
      <p className="res-status">
        {t('startup.round1.band', { from: ordinal(t, band.from, lang), to: ordinal(t, band.to, lang), of: band.of, size: round1.shortlistSize })}
      </p>
      <dl className="res-places">
        <div>
          <dt>{t('startup.round1.score')}</dt>
          <dd>{localDecimal(round1.score.display, lang)}</dd>
        </div>
      </dl>
      <ScoreConsistency result={round1} />
      <h3>{t('startup.criteriaTitle')}</h3>
      <CriterionChart criteria={round1.criteria} lang={lang} fallbackLang={fallbackLang} field="round1" />
      <Feedback feedback={round1.feedback} headingLevel={3} />
      <h3>{t('startup.howTitle')}</h3>
      <p>
        {t(`startup.method.${round1.method as 'satm'}`, { count: round1.scored })}
        {round1.trimmed > 0 ? ` ${t('startup.trimmed')}` : ''}
      </p>
      {tie ? <p>{t(`startup.tie.${tie.outcome}`, { count: tie.groupSize - 1, rule: t(`startup.rule.${tie.rule.startsWith('criterion:') ? 'criterion' : (tie.rule as 'chair')}`) })}</p> : null}
      <ChairReason result={round1} />
    </section>
  );
}
