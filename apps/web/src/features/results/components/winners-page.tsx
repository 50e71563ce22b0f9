import type { ResultsWinners } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useWinners } from '../api/public';
import { asLang } from '../lib/lang';
import { placeLabel } from '../lib/place-label';
import { AxisTag } from './axis-tag';
import { PublicFrame } from './public-frame';
import { PrizeRulesText } from './prize-rules';

export function WinnersList({ winners }: { winners: ResultsWinners }) {
  const { t } = useTranslation('results');
  const fallbackLang = asLang(winners.competition.defaultLanguage);
  return (
    <ol className="res-winners" role="list">
      {winners.places.map((p) => (
        <li key={p.place} className={`res-winner res-winner--${Math.min(p.place, 4)}`}>
          <p className="res-winner__place">
            {placeLabel(t, p.place)}
            {p.exAequo ? <span className="res-badge">{t('winners.exAequo')}</span> : null}
          </p>
          <ul className="res-winner__names" role="list">
            {p.winners.map((w) => (
              <li key={w.entrantId}>
                <strong className="res-winner__name">
                  <bdi>{w.name}</bdi>
                </strong>
                <AxisTag axis={winners.axes.find((a) => a.code === w.axisCode)} code={w.axisCode} fallbackLang={fallbackLang} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** `/competitions/:id/winners`: the published winners, for anyone. */
export function WinnersPage({ competitionId }: { competitionId: number }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const winners = useWinners(competitionId);
  return (
    <PublicFrame {...(winners.data ? { context: winners.data.competition.name } : {})}>
      <PageTitle>{t('winners.title')}</PageTitle>
      {winners.isPending ? (
        <Loading />
      ) : winners.isError ? (
        <ErrorMessage error={winners.error} onRetry={() => void winners.refetch()} />
      ) : winners.data === null ? (
        <>
          <h1>{t('winners.title')}</h1>
          <p>{t('winners.notYet')}</p>
        </>
      ) : (
        <>
          <div className="page-heading">
            <h1>
              {t('winners.title')} · <bdi>{winners.data.competition.name}</bdi>
            </h1>
            <p className="muted">{t('winners.publishedOn', { when: formatDate(winners.data.publishedAt, lang) })}</p>
          </div>
          <WinnersList winners={winners.data} />
          <PrizeRulesText rules={{ count: winners.data.rules.count, axisMin: 0, axisMax: winners.data.rules.axisMax }} final />
          <p>
            <Link className="btn btn--secondary" to={`/competitions/${competitionId}/ceremony`}>
              {t('links.ceremony')}
            </Link>
          </p>
        </>
      )}
    </PublicFrame>
  );
}
