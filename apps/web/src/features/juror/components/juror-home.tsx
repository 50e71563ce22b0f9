import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title';
import { TranslatedText } from '../../../components/ui/translated-text';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useHomeOrder, type HomeOrder } from '../hooks/use-home-order';
import { useEntrantViews, useLoadedState, type EntrantView } from '../hooks/use-juror-data';
import { useNow } from '../hooks/use-now';
import { submitFlag } from '../lib/closing';
import { isComplete, weightedTotal } from '../lib/scorecard-math';
import { AxisLabel } from './axis-label';
import { EntrantStateBadge, SubmitFlag } from './entrant-state';
import { Problems } from './problems';
import { relativeTime } from './relative-time';

function RowSync({ view }: { view: EntrantView }) {
  const { t } = useTranslation('juror');
  if (view.card.problems > 0) return <span className="row-sync row-sync--problem">{t('sync.rowProblems', { count: view.card.problems })}</span>;
  if (view.card.pending > 0) return <span className="row-sync row-sync--pending">{t('sync.rowPending', { count: view.card.pending })}</span>;
  if (view.state === 'not-started' || view.state === 'recused') return null;
  return <span className="row-sync row-sync--synced">{t('sync.rowSynced')}</span>;
}

function EntrantRow({ view, withAxis = false }: { view: EntrantView; withAxis?: boolean }) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const { state } = useLoadedState();
  const { entrant } = view;
  const axis = withAxis ? state.competition.axes.find((a) => a.id === entrant.axisId) : undefined;
  const total = weightedTotal(state.competition.criteria, view.card.scores);
  const body = (
    <>
      <span className="entrant-row__number">{entrant.pitchPosition !== null ? t('home.pitchNumber', { number: entrant.pitchPosition }) : null}</span>
      <span className="entrant-row__name">
        <bdi>{entrant.name}</bdi>
      </span>
      <span className="entrant-row__meta">
        {axis ? <AxisLabel axis={axis} fallbackLang={state.competition.defaultLanguage} /> : null}
        <EntrantStateBadge state={view.state} />
        <SubmitFlag view={view} />
        <RowSync view={view} />
        {total !== null && view.state !== 'recused' ? (
          <span className="entrant-row__total">{t('home.total', { total: formatNumber(total, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })}</span>
        ) : null}
      </span>
    </>
  );
  return (
    <li className={`entrant-row entrant-row--${view.state}`}>
      {view.state === 'recused' ? <div className="entrant-row__inner">{body}</div> : <Link className="entrant-row__inner" to={`/juror/entrants/${entrant.id}`}>{body}</Link>}
    </li>
  );
}

function NowPitching({ view }: { view: EntrantView }) {
  const { t } = useTranslation('juror');
  const { state } = useLoadedState();
  const axis = state.competition.axes.find((a) => a.id === view.entrant.axisId);
  return (
    <section className="now-pitching" aria-labelledby="now-pitching-title" style={{ '--axis-color': axis?.color } as CSSProperties}>
      <div>
        <h2 id="now-pitching-title" className="now-pitching__kicker">
          <span className="now-pitching__live" aria-hidden="true" />
          {t('home.nowPitching')}
        </h2>
        <p className="now-pitching__name">
          <bdi>{view.entrant.name}</bdi>
        </p>
        <p className="now-pitching__meta">
          {view.entrant.pitchPosition !== null ? <span>{t('home.pitchNumber', { number: view.entrant.pitchPosition })}</span> : null}
          <AxisLabel axis={axis} fallbackLang={state.competition.defaultLanguage} />
          <EntrantStateBadge state={view.state} />
        </p>
      </div>
      <Link className="btn btn--primary now-pitching__action" to={`/juror/entrants/${view.entrant.id}`}>
        {t('home.scoreNow')}
      </Link>
    </section>
  );
}

function OrderChoice({ order, onChange }: { order: HomeOrder; onChange: (order: HomeOrder) => void }) {
  const { t } = useTranslation('juror');
  return (
    <div className="home-order" role="group" aria-label={t('home.orderLabel')}>
      <span className="home-order__label" aria-hidden="true">
        {t('home.orderLabel')}
      </span>
      {(['pitch', 'axis'] as const).map((o) => (
        <button key={o} type="button" className="btn btn--ghost home-order__option" aria-pressed={order === o} onClick={() => onChange(o)}>
          {t(o === 'pitch' ? 'home.orderPitch' : 'home.orderAxis')}
        </button>
      ))}
    </div>
  );
}

/** On arrival from a scorecard whose conflict of interest was just declared: it is done, and what it means. */
function DeclaredNote() {
  const { t } = useTranslation('juror');
  const declared: unknown = useLocation().state;
  const name = typeof declared === 'object' && declared !== null && 'recusedName' in declared && typeof declared.recusedName === 'string' ? declared.recusedName : null;
  return (
    <p className={name ? 'juror-note juror-note--done' : 'status-line--empty'} role="status">
      {name ? t('conflict.declared', { name }) : null}
    </p>
  );
}

/**
 * The juror's home: the round's startups, the one on stage on top; in pitch order (each with its
 * axis) or under their axes, as the juror chose on this tablet; the organiser's sign-in a link away.
 */
export function JurorHome() {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const now = useNow();
  const { receivedAt, fromCache } = useLoadedState();
  const { state, views, entries } = useEntrantViews();
  const hasPitchOrder = views.some((v) => v.entrant.pitchPosition !== null);
  const [order, setOrder] = useHomeOrder(hasPitchOrder);
  const inPitchOrder = [...views].sort((a, b) => (a.entrant.pitchPosition ?? Infinity) - (b.entrant.pitchPosition ?? Infinity));
  const { round, competition } = state;
  const onStage = round?.state === 'open' ? views.find((v) => v.entrant.id === round.nowPitchingEntrantId && v.state !== 'recused') : undefined;
  const submitted = views.filter((v) => v.state === 'submitted').length;
  const flags = views.map((v) => submitFlag(round?.state, v.state, isComplete(competition.criteria, v.card.scores)));
  const completeUnsubmitted = flags.filter((f) => f === 'complete-unsubmitted').length;
  const didNotCount = flags.filter((f) => f === 'did-not-count').length;
  const scorable = views.filter((v) => v.state !== 'recused').length;
  const axes = competition.axes
    .map((axis) => ({ axis, views: views.filter((v) => v.entrant.axisId === axis.id) }))
    .filter((g) => g.views.length > 0);

  return (
    <>
      <PageTitle>{t('home.title')}</PageTitle>
      <div className="juror-home__heading">
        <div>
          <p className="juror-panel__kicker">
            <bdi>{competition.name}</bdi>
            {round ? ` · ${t(round.kind === 'final' ? 'home.roundFinal' : 'home.roundShortlist')}` : null}
          </p>
          <h1>{t('home.title')}</h1>
        </div>
        {round ? (
          <div className="juror-progress">
            <p className="juror-progress__text">{t('home.progress', { submitted: formatNumber(submitted, lang), total: formatNumber(scorable, lang) })}</p>
            <div className="juror-progress__bar" aria-hidden="true">
              <span style={{ inlineSize: `${scorable === 0 ? 0 : (100 * submitted) / scorable}%` }} />
            </div>
          </div>
        ) : null}
      </div>
      {fromCache ? <p className="juror-note">{t('home.fromCache', { ago: relativeTime(now - receivedAt, lang) })}</p> : null}
      {round && round.state !== 'open' ? <p className="juror-note">{t('home.roundClosed')}</p> : null}
      {didNotCount > 0 ? <p className="juror-note juror-note--warning">{t('home.didNotCount', { count: didNotCount })}</p> : null}
      {completeUnsubmitted > 0 && round?.closesAt === null ? (
        <p className="juror-note juror-note--warning">{t('home.completeUnsubmitted', { count: completeUnsubmitted })}</p>
      ) : null}
      {round && round.state !== 'open' && state.juror.isChair ? (
        <p>
          <Link className="btn btn--primary" to="/juror/deliberation">
            {t('home.openDeliberation')}
          </Link>
        </p>
      ) : null}
      <DeclaredNote />
      <Problems state={state} entries={entries} />
      {onStage ? <NowPitching view={onStage} /> : null}
      {!round ? <p>{t('home.noRound')}</p> : views.length === 0 ? <p>{t('home.empty')}</p> : null}
      {hasPitchOrder && views.length > 0 ? <OrderChoice order={order} onChange={setOrder} /> : null}
      {order === 'pitch' && views.length > 0 ? (
        <section className="juror-pitch-order" aria-labelledby="pitch-order-title">
          <h2 id="pitch-order-title" className="juror-axis-section__heading">
            {t('home.orderPitchTitle')}
          </h2>
          <ol className="entrant-list">
            {inPitchOrder.map((view) => (
              <EntrantRow key={view.entrant.id} view={view} withAxis />
            ))}
          </ol>
        </section>
      ) : null}
      {order === 'axis' && axes.map(({ axis, views: group }) => (
        <section key={axis.id} className="juror-axis-section" aria-labelledby={`axis-${axis.id}`} style={{ '--axis-color': axis.color } as CSSProperties}>
          <h2 id={`axis-${axis.id}`} className="juror-axis-section__heading">
            <span className="juror-axis__marker" aria-hidden="true" />
            <TranslatedText labels={axis.labels} fallbackLang={competition.defaultLanguage} />
          </h2>
          <ul className="entrant-list">
            {group.map((view) => (
              <EntrantRow key={view.entrant.id} view={view} />
            ))}
          </ul>
        </section>
      ))}
      <p className="juror-home__organiser">
        <Link to="/login">{t('home.organiserSignIn')}</Link>
      </p>
    </>
  );
}
