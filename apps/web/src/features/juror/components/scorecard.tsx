import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { PageTitle } from '../../../components/ui/page-title';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { isApiError } from '../../../lib/api-client';
import { useReopenScorecard } from '../api/reopen-scorecard';
import { useSubmitScorecard } from '../api/submit-scorecard';
import { useEntrantViews, useLoadedState, type EntrantView } from '../hooks/use-juror-data';
import { useScorecardArrival } from '../hooks/use-scorecard-arrival';
import { useWakeLock } from '../hooks/use-wake-lock';
import { isComplete, weightedTotal } from '../lib/scorecard-math';
import { flushOutbox } from '../lib/sync-loop';
import { useOutbox } from '../stores/outbox-store';
import { AxisLabel } from './axis-label';
import { CriterionRow } from './criterion-row';
import { EntrantBrief } from './entrant-brief';
import { EntrantStateBadge, SubmitFlag } from './entrant-state';
import { Problems } from './problems';
import { RecusalDialog } from './recusal-dialog';
import { RemoteChangeLine, useForgetRemoteChangeOnLeave } from './remote-change-line';
import { SyncStatus } from './sync-status';
import { TextFields } from './text-fields';

function NotFound() {
  const { t } = useTranslation('juror');
  return (
    <section className="juror-panel">
      <PageTitle>{t('card.notFound')}</PageTitle>
      <h1>{t('card.notFound')}</h1>
      <Link to="/juror">{t('card.back')}</Link>
    </section>
  );
}

/** The scorecard of one startup, or why it cannot be shown. */
export function Scorecard({ entrantId }: { entrantId: number }) {
  const { views } = useEntrantViews();
  const view = views.find((v) => v.entrant.id === entrantId);
  if (!view) return <NotFound />;
  return <ScorecardView key={entrantId} view={view} views={views} />;
}

function ScorecardView({ view, views }: { view: EntrantView; views: EntrantView[] }) {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const navigate = useNavigate();
  const { state } = useLoadedState();
  const { entries } = useEntrantViews();
  const reachable = useOutbox((s) => s.reachable);
  const submit = useSubmitScorecard();
  const reopen = useReopenScorecard();
  const [message, setMessage] = useState<string | null>(null);
  const { competition, round, juror } = state;
  const { entrant, card } = view;
  const axis = competition.axes.find((a) => a.id === entrant.axisId);
  const roundOpen = round?.state === 'open';
  const recused = view.state === 'recused';
  const submitted = view.state === 'submitted';
  const readOnly = !roundOpen || submitted || recused;
  useWakeLock(!recused);
  useForgetRemoteChangeOnLeave(round?.id, entrant.id);
  const heading = useScorecardArrival<HTMLHeadingElement>();

  const scorable = views.filter((v) => v.state !== 'recused');
  const index = scorable.findIndex((v) => v.entrant.id === entrant.id);
  const previous = index > 0 ? scorable[index - 1] : undefined;
  const next = index >= 0 ? scorable[index + 1] : undefined;
  const total = weightedTotal(competition.criteria, card.scores);
  const complete = isComplete(competition.criteria, card.scores);
  const missing = competition.criteria.filter((c) => card.scores[c.code] === undefined).length;
  // A refused change waits for the juror's decision: until then the screen would not be what is submitted.
  const unresolved = card.problems > 0;

  const record = (change: Parameters<ReturnType<typeof useOutbox.getState>['record']>[0]['change']) => {
    if (!round) return;
    useOutbox.getState().record({ jurorId: juror.id, roundId: round.id, change });
    setMessage(null);
  };

  const onSubmit = async () => {
    if (!round) return;
    setMessage(null);
    // The scores go first, through the same send path as the background sync: the server checks
    // the scorecard it holds.
    const outcome = await flushOutbox(juror.id);
    if (outcome.kind === 'blocked') return setMessage(t(outcome.code === 'BINDING_LOCKED' ? 'card.submitLocked' : 'card.submitUnbound'));
    if (outcome.kind === 'offline') return setMessage(t('card.submitOffline'));
    const left = useOutbox.getState().entries.filter((e) => e.jurorId === juror.id && e.roundId === round.id && e.change.entrantId === entrant.id);
    if (left.some((e) => e.problem)) return setMessage(t('card.resolveFirst'));
    try {
      await submit.mutateAsync({ roundId: round.id, entrantId: entrant.id });
      setMessage(t('card.submittedNow'));
    } catch (e) {
      setMessage(isApiError(e, 'NETWORK') ? t('card.submitOffline') : t('card.submitFailed'));
    }
  };

  const onReopen = async () => {
    if (!round) return;
    setMessage(null);
    try {
      await reopen.mutateAsync({ roundId: round.id, entrantId: entrant.id });
    } catch (e) {
      setMessage(isApiError(e, 'NETWORK') ? t('card.reopenOffline') : t('card.submitFailed'));
    }
  };

  if (recused) {
    return (
      <section className="juror-panel">
        <PageTitle>{entrant.name}</PageTitle>
        <h1 ref={heading} tabIndex={-1}>
          <bdi>{entrant.name}</bdi>
        </h1>
        <p>
          <EntrantStateBadge state="recused" />
        </p>
        {round ? <RemoteChangeLine roundId={round.id} entrantId={entrant.id} criteria={competition.criteria} fallbackLang={competition.defaultLanguage} /> : null}
        <p>{t('card.recused')}</p>
        <Link to="/juror">{t('card.back')}</Link>
      </section>
    );
  }

  return (
    <article className="scorecard" aria-labelledby="scorecard-title">
      <PageTitle>{entrant.name}</PageTitle>
      <header className="scorecard__header">
        <nav className="breadcrumb" aria-label={t('card.back')}>
          <Link to="/juror">{t('card.back')}</Link>
        </nav>
        <div className="scorecard__title-row">
          <h1 id="scorecard-title" className="scorecard__title" ref={heading} tabIndex={-1}>
            <bdi>{entrant.name}</bdi>
          </h1>
        </div>
        <p className="scorecard__meta">
          {entrant.pitchPosition !== null ? <span className="scorecard__pitch">{t('card.pitch', { number: entrant.pitchPosition })}</span> : null}
          <AxisLabel axis={axis} fallbackLang={competition.defaultLanguage} />
          <EntrantStateBadge state={view.state} />
          <SubmitFlag view={view} />
        </p>
        <EntrantBrief entrant={entrant} />
      </header>

      {round ? <RemoteChangeLine roundId={round.id} entrantId={entrant.id} criteria={competition.criteria} fallbackLang={competition.defaultLanguage} /> : null}
      <Problems state={state} entries={entries.filter((e) => e.roundId === round?.id && e.change.entrantId === entrant.id)} />
      {!roundOpen && view.state === 'draft' ? (
        <p className="juror-note juror-note--warning">{t('card.didNotCount')}</p>
      ) : !roundOpen ? (
        <p className="juror-note">{t('card.readOnlyClosed')}</p>
      ) : submitted ? (
        <p className="juror-note">{t('card.readOnlySubmitted')}</p>
      ) : null}

      <h2 className="visually-hidden">{t('card.criteria')}</h2>
      <ol className="criteria">
        {competition.criteria.map((criterion) => (
          <CriterionRow
            key={criterion.code}
            criterion={criterion}
            scale={competition.scale}
            value={card.scores[criterion.code]}
            fallbackLang={competition.defaultLanguage}
            readOnly={readOnly}
            onScore={(value) => record({ kind: 'score', entrantId: entrant.id, criterion: criterion.code, value })}
          />
        ))}
      </ol>

      <TextFields note={card.note} feedback={card.feedback} readOnly={readOnly} onSave={(kind, text) => record({ kind, entrantId: entrant.id, text })} />

      {roundOpen ? (
        <RecusalDialog
          entrantId={entrant.id}
          entrantName={entrant.name}
          disabledReason={reachable ? null : t('conflict.offline')}
          onDeclared={() => void navigate('/juror', { state: { recusedName: entrant.name } })}
        />
      ) : null}

      <footer className="scorecard__footer">
        <div className="scorecard__footer-inner">
          <p className="scorecard__total">
            <span className="scorecard__total-label">{t('card.total')}</span>{' '}
            <strong className="scorecard__total-value">
              {total === null ? '—' : formatNumber(total, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
            </strong>
            <span className="scorecard__total-max"> / {formatNumber(competition.scale.max, lang)}</span>
          </p>
          <nav className="scorecard__nav" aria-label={t('card.otherStartups')}>
            {previous ? (
              <Link className="btn btn--ghost" to={`/juror/entrants/${previous.entrant.id}`}>
                <span aria-hidden="true" className="flip-rtl">
                  ‹
                </span>{' '}
                {t('card.previous')}
              </Link>
            ) : null}
            {next ? (
              <Link className="btn btn--ghost" to={`/juror/entrants/${next.entrant.id}`}>
                {t('card.next')}{' '}
                <span aria-hidden="true" className="flip-rtl">
                  ›
                </span>
              </Link>
            ) : null}
          </nav>
          <div className="scorecard__submit">
            {submitted ? (
              roundOpen ? (
                <Button variant="secondary" busy={reopen.isPending} disabled={!reachable} onClick={() => void onReopen()}>
                  {t('card.reopen')}
                </Button>
              ) : null
            ) : roundOpen ? (
              <Button busy={submit.isPending} disabled={!complete || !reachable || unresolved} onClick={() => void onSubmit()}>
                {t('card.submit')}
              </Button>
            ) : null}
          </div>
          <SyncStatus entries={entries} className="scorecard__footer-sync" compact />
          <p className="scorecard__hint" role="status">
            {message ??
              (roundOpen && !submitted && unresolved
                ? t('card.resolveFirst')
                : roundOpen && !submitted && !complete
                ? t('card.incomplete', { count: missing })
                : roundOpen && !reachable
                  ? t('card.needsNetwork')
                  : roundOpen && !submitted && complete
                    ? t('card.completeHint')
                    : '')}
          </p>
        </div>
      </footer>
    </article>
  );
}
