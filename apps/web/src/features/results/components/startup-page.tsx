import type { StartupPage as StartupPageData, StartupPlace, StartupResult } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { formatDate } from '../../../i18n/format';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import { useStartupPage } from '../api/public';
import { asLang } from '../lib/lang';
import { placeLabel } from '../lib/place-label';
import { localDecimal, nameList } from '../lib/numbers';
import { AxisTag } from './axis-tag';
import { CriterionChart } from './criterion-chart';
import { ordinal } from './prize-rules';
import { PublicFrame } from './public-frame';
import { ChairReason, ScoreConsistency } from './startup-explain';
import { Feedback } from './startup-feedback';
import { StartupRound1View } from './startup-round1';

function usePlaceText() {
  const { t } = useTranslation('results');
  return (place: StartupPlace) =>
    place.kind === 'band'
      ? t('startup.band', { top: place.top, of: place.of })
      : `${t('startup.exact', { place: place.place, of: place.of })}${place.shared ? ` ${t('startup.exAequo')}` : ''}`;
}

/** The organiser's replacement among the finalists that concerns this startup, in one sentence and its reason (issue 16 point 4). */
function OverrideNote({ page }: { page: StartupPageData }) {
  const { t } = useTranslation('results');
  const override = page.override;
  if (!override) return null;
  const grounds = t(`startup.status.overrideGrounds.${override.grounds}`);
  return (
    <p className="res-status">
      {t(override.side === 'removed' ? 'startup.status.overrideRemoved' : 'startup.status.overrideAdded', { grounds })} <q dir="auto">{override.reason}</q>
    </p>
  );
}

function Status({ page }: { page: StartupPageData }) {
  const { t } = useTranslation('results');
  const competition = `\u2068${page.competition.name}\u2069`;
  switch (page.status) {
    case 'registered':
      return <p className="res-status">{t('startup.status.registered', { competition })}</p>;
    case 'not-shortlisted':
      return <p className="res-status">{t('startup.status.notShortlisted', { competition })}</p>;
    case 'shortlisted':
      return (
        <p className="res-status">
          {page.pitch
            ? t('startup.status.shortlistedSlot', { competition, position: page.pitch.position, of: page.pitch.of })
            : t('startup.status.shortlisted', { competition })}
        </p>
      );
    default:
      return null;
  }
}

function HowComputed({ result }: { result: StartupResult }) {
  const { t } = useTranslation('results');
  const method = t(`startup.method.${result.method as 'satm'}`, { count: result.scored });
  const trim = result.trimmed > 0 ? ` ${t('startup.trimmed')}` : '';
  const tie = result.ties[0];
  return (
    <section className="res-section" aria-labelledby="res-how">
      <h2 id="res-how">{t('startup.howTitle')}</h2>
      <p>
        {method}
        {trim}
      </p>
      <ScoreConsistency result={result} />
      <p>{tie ? t(`startup.tie.${tie.outcome}`, { count: tie.groupSize - 1, rule: t(`startup.rule.${tie.rule.startsWith('criterion:') ? 'criterion' : (tie.rule as 'chair')}`) }) : t('startup.noTie')}</p>
      <ChairReason result={result} />
    </section>
  );
}

/**
 * The one sentence a prize rule owes a founder: the skipped one is told the rule and which
 * startup holds its axis's prize (never its score); the promoted one, the rule that promoted it.
 */
function RuleSentence({ result }: { result: StartupResult }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const note = result.ruleNote;
  if (!note) return null;
  const count = result.rules.axisMax ?? 1;
  const rank = ordinal(t, note.rank, lang);
  const text =
    note.kind === 'skipped'
      ? note.rule === 'axis-max'
        ? t('prizeRules.youSkipped', { count, rank, names: nameList(note.heldBy, lang) })
        : t('prizeRules.skippedAxisMin', { rank })
      : t('prizeRules.youPromoted', { count, rank, prize: note.place !== null ? placeLabel(t, note.place) : '' });
  return <p className="res-founder-note">{text}</p>;
}

function Result({ page, result }: { page: StartupPageData; result: StartupResult }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const fallbackLang = asLang(page.competition.defaultLanguage);
  const placeText = usePlaceText();
  return (
    <>
      <p className="res-status">
        {t('startup.status.results', { competition: `\u2068${page.competition.name}\u2069`, when: formatDate(result.publishedAt, lang) })}
      </p>
      {result.award ? (
        <p className="res-award">
          <span aria-hidden="true">🏆 </span>
          {t('startup.award', { place: placeLabel(t, result.award.place) })}
          {result.award.exAequo ? ` ${t('startup.exAequo')}` : ''}
        </p>
      ) : null}
      <RuleSentence result={result} />
      <dl className="res-places">
        <div>
          <dt>{t('startup.overall')}</dt>
          <dd>{placeText(result.overall)}</dd>
        </div>
        <div>
          <dt>{t('startup.inAxis')}</dt>
          <dd>{placeText(result.axis)}</dd>
        </div>
        <div>
          <dt>{t('startup.score')}</dt>
          <dd>{localDecimal(result.score.display, lang)}</dd>
        </div>
      </dl>
      <section className="res-section" aria-labelledby="res-criteria">
        <h2 id="res-criteria">{t('startup.criteriaTitle')}</h2>
        <CriterionChart criteria={result.criteria} lang={lang} fallbackLang={fallbackLang} />
      </section>
      <section className="res-section" aria-labelledby="res-levels">
        <h2 id="res-levels">{t('startup.levelsTitle')}</h2>
        <dl className="res-levels">
          {result.criteria.map((c) => (
            <div key={c.code}>
              <dt>
                {pickTranslation(c.labels, lang, fallbackLang)} · {t('startup.level', { level: c.level.value })}
              </dt>
              <dd dir="auto">{pickTranslation(c.level.descriptions, lang, fallbackLang)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Feedback feedback={result.feedback} />
      <HowComputed result={result} />
    </>
  );
}

/** `/s/:token`: a startup's own page, its status before publication and its result after. */
export function StartupPage({ token }: { token: string }) {
  const { t } = useTranslation('results');
  const page = useStartupPage(token);
  if (page.isPending) {
    return (
      <PublicFrame>
        <Loading />
      </PublicFrame>
    );
  }
  if (page.isError) {
    return (
      <PublicFrame>
        <ErrorMessage error={page.error} onRetry={() => void page.refetch()} />
      </PublicFrame>
    );
  }
  if (page.data === null) {
    return (
      <PublicFrame>
        <PageTitle>{t('startup.unknownTitle')}</PageTitle>
        <h1>{t('startup.unknownTitle')}</h1>
        <p>{t('startup.unknown')}</p>
      </PublicFrame>
    );
  }
  const data = page.data;
  const fallbackLang = asLang(data.competition.defaultLanguage);
  return (
    <PublicFrame context={data.competition.name}>
      <PageTitle>{data.startup.name}</PageTitle>
      <div className="res-startup">
        <div className="page-heading">
          <h1>
            <bdi>{data.startup.name}</bdi>
          </h1>
          <p>
            <AxisTag axis={data.startup.axis} code={data.startup.axis.code} fallbackLang={fallbackLang} />
          </p>
          <Status page={data} />
          <OverrideNote page={data} />
        </div>
        {data.result ? <Result page={data} result={data.result} /> : null}
        {data.round1 ? <StartupRound1View round1={data.round1} fallbackLang={fallbackLang} /> : null}
        <p className="res-hint">{t('startup.private')}</p>
      </div>
    </PublicFrame>
  );
}
