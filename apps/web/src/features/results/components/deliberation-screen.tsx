import type { Axis, Lang } from '@palmares/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { isApiError } from '../../../lib/api-client';
import { useDeliberation } from '../api/get-deliberation';
import { useResultsLive } from '../api/use-results-live';
import type { Viewer } from '../api/viewer';
import type { DeliberationContext } from './context';
import { nameOf } from './context';
import { nameList } from '../lib/numbers';
import { tieSeats } from '../lib/tie-seats';
import { CorrectionDialog, type CorrectionTarget } from './correction-form';
import { DeliberationTieSettler } from './deliberation-tie-settler';
import { DisagreementGrid } from './disagreement-grid';
import { ExportLinks } from './export-links';
import { IntegrityBanner } from './integrity-banner';
import { RankingTable } from './ranking-table';
import { RobustnessBanner } from './robustness-banner';
import { SignoffPanel } from './signoff-panel';
import { TieLog, triedRules } from './tie-log';

interface DeliberationScreenProps {
  viewer: Viewer;
  roundId: number;
  competitionName: string;
  axes: Pick<Axis, 'code' | 'color' | 'labels'>[];
  fallbackLang: Lang;
}

function OpenTie({ ctx, isChair }: { ctx: DeliberationContext; isChair: boolean }) {
  const { t } = useTranslation('results');
  const pending = ctx.deliberation.selection.needsChairDecision;
  // The seats the tie is for: `pending.seats` also counts those the quotas keep from the tied.
  const seats = tieSeats(ctx.deliberation);
  if (!pending || seats === null) return null;
  const names = nameList(pending.entrantIds.map((id) => nameOf(ctx, id)), ctx.lang);
  return (
    <section className="res-section res-open-tie" aria-labelledby="res-open-tie">
      <h2 id="res-open-tie">{t('settle.heading')}</h2>
      <p>{t('settle.group', { names, count: seats })}</p>
      <p>{t('settle.tried', { rules: triedRules(ctx, t) })}</p>
      {isChair ? <DeliberationTieSettler key={pending.entrantIds.join('-')} ctx={ctx} entrantIds={pending.entrantIds} seats={seats} /> : <p className="res-hint">{t('settle.chairOnly')}</p>}
    </section>
  );
}

function Decisions({ ctx }: { ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  if (ctx.deliberation.decisions.length === 0) return null;
  return (
    <section className="res-section" aria-labelledby="res-decisions">
      <h2 id="res-decisions">{t('decisions.title')}</h2>
      <ul className="res-list">
        {ctx.deliberation.decisions.map((d) => (
          <li key={d.id}>
            {t('decisions.line', {
              order: nameList(d.entrantIds.map((id, i) => `${i + 1}. ${nameOf(ctx, id)}`), lang),
              when: formatDate(d.createdAt, lang, { dateStyle: 'medium', timeStyle: 'short' }),
            })}{' '}
            <q dir="auto">{d.reason}</q>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The jury's screen: full-screen friendly, jurors always anonymised, only what the room needs. */
function Presentation({ ctx, onExit }: { ctx: DeliberationContext; onExit: () => void }) {
  const { t } = useTranslation('results');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onExit();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onExit]);
  return (
    <div ref={ref} className="res-present" tabIndex={-1} role="region" aria-label={t('present.label')}>
      <div className="res-present__bar">
        <h1>{t('deliberation.title')}</h1>
        <button type="button" className="btn btn--secondary" onClick={onExit}>
          {t('present.exit')}
        </button>
      </div>
      <IntegrityBanner ctx={ctx} />
      <RobustnessBanner ctx={ctx} />
      <RankingTable ctx={ctx} />
      <TieLog ctx={ctx} />
      <DisagreementGrid ctx={ctx} />
    </div>
  );
}

/** The deliberation of a closed round, for the organiser or the jury chair. */
export function DeliberationScreen({ viewer, roundId, competitionName, axes, fallbackLang }: DeliberationScreenProps) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const [reveal, setReveal] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const [correcting, setCorrecting] = useState<CorrectionTarget | null>(null);
  const [corrected, setCorrected] = useState<{ from: number; to: number } | null>(null);
  const deliberation = useDeliberation(viewer, roundId, reveal && !presenting);
  useResultsLive(viewer);
  if (deliberation.isPending) return <Loading />;
  if (isApiError(deliberation.error, 'CONFLICT')) return <p className="res-notice">{t('deliberation.notClosed')}</p>;
  if (deliberation.isError) return <ErrorMessage error={deliberation.error} onRetry={() => void deliberation.refetch()} />;
  const ctx: DeliberationContext = { deliberation: deliberation.data, axes, lang, fallbackLang };
  const isChair = viewer.role === 'chair';
  // The chair corrects while the round is closed, from a ranking row or a grid cell.
  const onCorrect = isChair && deliberation.data.state === 'closed' ? setCorrecting : undefined;

  if (presenting) return <Presentation ctx={ctx} onExit={() => setPresenting(false)} />;
  return (
    <div className="res-screen">
      <PageTitle>{t('deliberation.title')}</PageTitle>
      <div className="res-heading">
        <div>
          <h1>{t('deliberation.title')}</h1>
          <p className="muted">
            <bdi>{competitionName}</bdi> · {t(`roundPhrase.${deliberation.data.state}`, { round: t(`round.${deliberation.data.kind}`) })}
          </p>
        </div>
        <div className="res-toolbar">
          <button type="button" className="btn btn--ghost" aria-pressed={reveal} onClick={() => setReveal((r) => !r)}>
            {reveal ? t('deliberation.hideNames') : t('deliberation.revealNames')}
          </button>
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => {
              setPresenting(true);
              // Full screen needs the user's gesture: asked here, not once the view is shown.
              void document.documentElement.requestFullscreen?.().catch(() => undefined);
            }}
          >
            <span aria-hidden="true">⛶</span> {t('present.start')}
          </button>
        </div>
      </div>
      <IntegrityBanner ctx={ctx} />
      <RobustnessBanner ctx={ctx} />
      <OpenTie ctx={ctx} isChair={isChair} />
      {corrected ? (
        <p role="status" className="res-ok">
          {t('correction.done', corrected)}
        </p>
      ) : null}
      <RankingTable ctx={ctx} onCorrect={onCorrect} />
      <TieLog ctx={ctx} />
      <Decisions ctx={ctx} />
      <DisagreementGrid ctx={ctx} onCorrect={onCorrect} />
      {onCorrect ? (
        <CorrectionDialog
          ctx={ctx}
          target={correcting}
          onClose={() => setCorrecting(null)}
          onDone={(c) => setCorrected({ from: c.oldValue, to: c.newValue })}
        />
      ) : null}
      <SignoffPanel viewer={viewer} ctx={ctx} />
      {viewer.role === 'organiser' ? <ExportLinks competitionId={viewer.competitionId} /> : null}
    </div>
  );
}
