import '../juror.css';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { LanguageSwitcher } from '../../../components/ui/language-switcher';
import { Loading } from '../../../components/ui/loading';
import { PageTitle } from '../../../components/ui/page-title';
import { preloadShellCatalogs } from '../../../i18n';
import { loadSchemas } from '../../../lib/load-schemas';
import { whenIdle } from '../../../lib/when-idle';
import { jurorStateQueryKey, useJurorState } from '../api/get-state';
import { useLiveCursor } from '../api/live';
import { useJurorEntries } from '../hooks/use-juror-data';
import { useIdleLock } from '../hooks/use-idle-lock';
import { idleMsOf } from '../lib/idle-lock';
import { registerServiceWorker } from '../lib/register-service-worker';
import { startSyncLoop } from '../lib/sync-loop';
import { useLock } from '../stores/lock-store';
import { useOutbox } from '../stores/outbox-store';
import { ClosingBanner } from './closing-banner';

// Shown only when the tablet is locked or has no PIN yet: loaded then (precached for offline), not
// before the first scorecard.
const LockScreen = lazy(async () => ({ default: (await import('./lock-screen')).LockScreen }));
const PinSetup = lazy(async () => ({ default: (await import('./pin-setup')).PinSetup }));
import { SyncStatus } from './sync-status';
import { UpdatePrompt } from './update-prompt';

/** After a client-side navigation, keyboard and screen reader users start at the new content. */
function useFocusMainOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // A screen that placed focus itself (a scorecard focuses its heading) keeps it.
    const active = document.activeElement;
    if (active && active !== mainRef.current && mainRef.current?.contains(active)) return;
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}

function JurorHeader({ name, jurorId, canLock }: { name?: string; jurorId?: number; canLock: boolean }) {
  const { t } = useTranslation('juror');
  const entries = useJurorEntries(jurorId ?? -1);
  const locked = useLock((s) => s.locked);
  return (
    <header className="app-header juror-header">
      <div className="app-header__inner">
        <div className="app-header__brand">
          <Link to="/juror" className="app-header__name" aria-label={t('shell.home')}>
            <span className="app-header__logo" aria-hidden="true" />
            Palmares
          </Link>
          {name ? (
            <span className="app-header__context">
              <bdi>{name}</bdi>
            </span>
          ) : null}
        </div>
        <div className="app-header__nav juror-header__tools">
          {jurorId !== undefined ? <SyncStatus entries={entries} className="sync-status--on-dark" /> : null}
          {canLock && !locked ? (
            <button type="button" className="btn btn--ghost" onClick={() => useLock.getState().lock()}>
              <span aria-hidden="true">🔒</span> {t('lock.lockNow')}
            </button>
          ) : null}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}

export function JurorFrame({ children, name, jurorId, canLock = false }: { children: ReactNode; name?: string; jurorId?: number; canLock?: boolean }) {
  const { t } = useTranslation();
  const mainRef = useFocusMainOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <JurorHeader canLock={canLock} {...(name !== undefined ? { name } : {})} {...(jurorId !== undefined ? { jurorId } : {})} />
      <UpdatePrompt />
      <main id="main" ref={mainRef} className="page juror-page" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </>
  );
}

function Message({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <section className="juror-panel">
      <PageTitle>{title}</PageTitle>
      <h1>{title}</h1>
      <p>{body}</p>
      {children}
    </section>
  );
}

/**
 * Every juror page: the state (from the server, or the tablet's copy offline), the PIN set-up,
 * the idle lock, the outbox's sync loop and the live now-pitching cursor.
 */
export function JurorShell() {
  const { t } = useTranslation('juror');
  const queryClient = useQueryClient();
  const query = useJurorState();
  const hydrated = useOutbox((s) => s.hydrated);
  const locked = useLock((s) => s.locked);
  const data = query.data?.kind === 'ok' ? query.data : null;
  const jurorId = data?.state.juror.id;
  const pinSet = data?.state.binding.pinSet ?? false;
  const round = data?.state.round;
  const scorecardMatch = useMatch('/juror/entrants/:entrantId');
  const scoringOnStage =
    round?.state === 'open' && round.nowPitchingEntrantId !== null && Number(scorecardMatch?.params.entrantId) === round.nowPitchingEntrantId;

  useEffect(() => {
    registerServiceWorker();
  }, []);

  useEffect(() => {
    if (jurorId === undefined || !hydrated) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Re-read the state shortly after a batch lands: progress and statuses come from the server.
    const onSynced = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: jurorStateQueryKey }), 1_500);
    };
    const stop = startSyncLoop(jurorId, onSynced);
    const onOnline = () => void queryClient.invalidateQueries({ queryKey: jurorStateQueryKey });
    window.addEventListener('online', onOnline);
    return () => {
      stop();
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [jurorId, hydrated, queryClient]);

  const ready = data !== null && hydrated;
  useEffect(() => {
    if (!ready) return;
    // The contract's schemas check the server's answers (refusals, the live cursor). Loaded once
    // the screen is up, they are there, and in the offline cache, before the first answer needs them;
    // so are the other languages' catalogs, for a switch offline.
    return whenIdle(() => void loadSchemas().catch(() => undefined).then(preloadShellCatalogs));
  }, [ready]);

  useLiveCursor(data !== null && !locked);
  useIdleLock(data !== null && pinSet, scoringOnStage, idleMsOf(data?.state.competition));

  if (query.isPending || !hydrated) {
    return (
      <JurorFrame>
        <Loading />
      </JurorFrame>
    );
  }
  if (query.isError) {
    return (
      <JurorFrame>
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </JurorFrame>
    );
  }
  if (query.data.kind === 'unbound') {
    return (
      <JurorFrame>
        <Message title={t('unbound.title')} body={t('unbound.body')} />
      </JurorFrame>
    );
  }
  if (query.data.kind === 'locked') {
    return (
      <JurorFrame>
        <Message title={t('bindingLocked.title')} body={t('bindingLocked.body')}>
          <p className="muted">{t('bindingLocked.watching')}</p>
        </Message>
      </JurorFrame>
    );
  }
  if (query.data.kind === 'needs-pin') {
    const { binding, afterReset } = query.data;
    return (
      <JurorFrame name={binding.juror.name}>
        <PinSetup name={binding.juror.name} bindingId={binding.binding.id} afterReset={afterReset} />
      </JurorFrame>
    );
  }
  const { state } = query.data;
  let content: ReactNode = (
    <>
      <ClosingBanner />
      <Outlet />
    </>
  );
  if (!state.binding.pinSet) content = <PinSetup name={state.juror.name} bindingId={state.binding.id} />;
  else if (locked) content = <LockScreen state={state} />;
  return (
    <JurorFrame name={state.juror.name} jurorId={state.juror.id} canLock={state.binding.pinSet}>
      {content}
    </JurorFrame>
  );
}
