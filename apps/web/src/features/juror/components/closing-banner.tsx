import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { Button } from '../../../components/ui/button';
import { formatDate, formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { isApiError } from '../../../lib/api-client';
import { jurorStateQueryKey } from '../api/get-state';
import { submitScorecard } from '../api/submit-scorecard';
import { useEntrantViews, useLoadedState } from '../hooks/use-juror-data';
import { readyToSubmit, timeLeft } from '../lib/closing';
import { flushOutbox } from '../lib/sync-loop';
import { useOutbox } from '../stores/outbox-store';

/** The time, every second: a countdown needs finer ticks than the shared "synced 12 s ago" clock. */
function useSecondClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The organiser announced the close of scoring: on every juror screen, the time left (by the
 * server's clock) and the juror's complete scorecards that are not submitted, which count only
 * once submitted, with one button to submit them all (issue 14 point 5).
 */
export function ClosingBanner() {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const queryClient = useQueryClient();
  const now = useSecondClock();
  const { receivedAt } = useLoadedState();
  const { state, views } = useEntrantViews();
  const reachable = useOutbox((s) => s.reachable);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [submittedCount, setSubmittedCount] = useState(0);
  // The names, with their links, on the home; elsewhere the banner stays one or two lines.
  const onHome = useMatch('/juror') !== null;
  const { round, competition, juror } = state;
  if (round?.state !== 'open' || round.closesAt === null) return null;

  const left = timeLeft(round.closesAt, now, Date.parse(state.serverTime) - receivedAt);
  const ready = readyToSubmit(views, competition.criteria);
  const unfinished = views.filter((v) => v.state === 'draft' && !ready.includes(v)).length;
  const num = (n: number, digits = 1) => formatNumber(n, lang, { minimumIntegerDigits: digits, useGrouping: false });
  const clock = `${num(left.minutes)}:${num(left.seconds, 2)}`;

  const submitAll = async () => {
    setBusy(true);
    setMessage(null);
    try {
      // The scores go first, through the same send path as the scorecard's own "Submit".
      const outcome = await flushOutbox(juror.id);
      if (outcome.kind !== 'sent') return setMessage(t('card.submitOffline'));
      let submitted = 0;
      for (const v of ready) {
        try {
          await submitScorecard({ roundId: round.id, entrantId: v.entrant.id });
          submitted++;
        } catch (e) {
          if (isApiError(e, 'NETWORK')) break;
        }
      }
      setSubmittedCount(submitted);
      setMessage(submitted === ready.length ? t('closing.submitted', { count: submitted }) : t('closing.someFailed', { count: ready.length - submitted }));
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: jurorStateQueryKey });
    }
  };

  return (
    <section className="closing-banner" aria-labelledby="closing-banner-title">
      <h2 id="closing-banner-title" className="closing-banner__title">
        {left.ms > 0 ? (
          <>
            {t('closing.title')} <span className="closing-banner__clock" dir="ltr">{clock}</span>
          </>
        ) : (
          t('closing.now')
        )}
      </h2>
      <p role="alert" className="closing-banner__at">
        {t('closing.at', { time: formatDate(round.closesAt, lang, { timeStyle: 'short' }) })}
      </p>
      {ready.length > 0 ? (
        <>
          <p className="closing-banner__ask">{t('closing.ask', { count: ready.length })}</p>
          {onHome ? (
            <ul className="closing-banner__list">
              {ready.map((v) => (
                <li key={v.entrant.id}>
                  <Link to={`/juror/entrants/${v.entrant.id}`}>
                    <bdi>{v.entrant.name}</bdi>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <Button busy={busy} disabled={!reachable} onClick={() => void submitAll()}>
            {t('closing.submitAll', { count: ready.length })}
          </Button>
        </>
      ) : (
        <p>{t('closing.allIn')}</p>
      )}
      {unfinished > 0 ? <p className="closing-banner__unfinished">{t('closing.unfinished', { count: unfinished })}</p> : null}
      {/* "N submitted" gives way once another scorecard is complete: the ask above is then what matters. */}
      {message && !(ready.length > 0 && message === t('closing.submitted', { count: submittedCount })) ? <p role="status">{message}</p> : null}
    </section>
  );
}
