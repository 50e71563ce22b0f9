import type { Axis, Lang } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { formatDate } from '../../../i18n/format';
import { pickTranslation } from '../../../i18n/pick-translation';
import { useLanguage } from '../../../i18n/use-language';
import { IntegrityBanner } from './integrity-banner';
import { useDeliberation } from '../api/get-deliberation';
import { useWinners } from '../api/public';
import { localResult, nameList } from '../lib/numbers';
import { placeLabel } from '../lib/place-label';
import { PrizeRulesText, RuleNoteSpan } from './prize-rules';
import { RankingHead } from './ranking-head';

interface PrintProps {
  competitionId: number;
  roundId: number;
  competitionName: string;
  axes: Pick<Axis, 'code' | 'color' | 'labels'>[];
  fallbackLang: Lang;
}

/** Printable results (A4) and one certificate per winner (A4 landscape, one a page). */
export function PrintResults({ competitionId, roundId, competitionName, axes, fallbackLang }: PrintProps) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const deliberation = useDeliberation({ role: 'organiser', competitionId }, roundId, false);
  const winners = useWinners(competitionId);
  if (deliberation.isPending || winners.isPending) return <Loading />;
  if (deliberation.isError) return <ErrorMessage error={deliberation.error} onRetry={() => void deliberation.refetch()} />;
  const axisName = (code: string) => {
    const axis = axes.find((a) => a.code === code);
    return axis ? pickTranslation(axis.labels, lang, fallbackLang) : code;
  };
  const published = winners.data ?? null;
  const d = deliberation.data;
  const nameOf = (id: number) => d.ranking.find((r) => r.entrantId === id)?.name ?? String(id);
  return (
    <div className="res-print">
      <PageTitle>{t('print.title')}</PageTitle>
      <div className="res-print__controls">
        <Link to={`/competitions/${competitionId}/deliberation`}>{t('print.back')}</Link>
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <section className="res-print__results" aria-labelledby="res-print-title">
        <h1 id="res-print-title">
          {t('print.title')} · <bdi>{competitionName}</bdi>
        </h1>
        <IntegrityBanner ctx={{ deliberation: d, axes, lang, fallbackLang }} />
        <p className="muted">
          {published ? t('winners.publishedOn', { when: formatDate(published.publishedAt, lang) }) : t('print.notPublished')} ·{' '}
          {t(`method.${deliberation.data.method}`)}
        </p>
        <table className="res-table">
          <RankingHead />
          <tbody>
            {deliberation.data.ranking.map((r) => (
              <tr key={r.entrantId}>
                <td className="res-num">{r.rank ?? '—'}</td>
                <th scope="row">
                  <bdi>{r.name}</bdi>
                  {r.selected ? <span aria-hidden="true"> ★</span> : null}
                  <RuleNoteSpan note={d.ruleNotes.find((n) => n.entrantId === r.entrantId)} final={d.kind === 'final'} nameOf={nameOf} lang={lang} />
                </th>
                <td>{axisName(r.axisCode)}</td>
                <td className="res-num">{localResult(r.score, lang)}</td>
                <td className="res-num">{localResult(r.rawMean, lang)}</td>
                <td className="res-num">{r.scored}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <PrizeRulesText rules={d.selectionRules} final={d.kind === 'final'} />
        {d.decisions.length > 0 ? (
          <section aria-labelledby="res-print-decisions">
            <h2 id="res-print-decisions">{t('decisions.title')}</h2>
            <ul className="res-list">
              {d.decisions.map((x) => (
                <li key={x.id}>
                  {t('decisions.line', {
                    order: nameList(x.entrantIds.map((id, i) => `${i + 1}. ${nameOf(id)}`), lang),
                    when: formatDate(x.createdAt, lang, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}{' '}
                  <q dir="auto">{x.reason}</q>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="res-hint">
          {t('verify.fingerprint')} <code className="res-fingerprint">{deliberation.data.fingerprint}</code>
        </p>
      </section>
      {published ? (
        published.places.flatMap((p) =>
          p.winners.map((w) => (
            <section key={w.entrantId} className="res-certificate" aria-label={t('print.certificateOf', { name: w.name })}>
              <p className="res-certificate__event">
                <bdi>{published.competition.name}</bdi>
              </p>
              <p className="res-certificate__kicker">{t('print.certifies')}</p>
              <p className="res-certificate__name">
                <bdi>{w.name}</bdi>
              </p>
              <p className="res-certificate__prize">
                {placeLabel(t, p.place)}
                {p.exAequo ? ` · ${t('winners.exAequo')}` : ''}
              </p>
              <p className="res-certificate__axis">{axisName(w.axisCode)}</p>
              <p className="res-certificate__date">{formatDate(published.publishedAt, lang)}</p>
              <div className="res-certificate__signatures">
                <span>{t('print.chairSignature')}</span>
                <span>{t('print.organiserSignature')}</span>
              </div>
            </section>
          )),
        )
      ) : (
        <p className="res-print__note">{t('print.certificatesLater')}</p>
      )}
    </div>
  );
}
