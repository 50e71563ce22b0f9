import { matchRoutes, Navigate, useParams, type RouteObject } from 'react-router';
import { Loading } from '../../components/ui/loading';
import { prefetchJurorState } from '../../features/juror/api/get-state';
import { JurorShell } from '../../features/juror/components/juror-shell';
import { Scorecard } from '../../features/juror/components/scorecard';
import { queryClient } from '../query-client';
import { RouteError } from './route-error';

// The scorecard is the screen a tablet must open fastest (budget: 160 KB of gzipped JS before it
// is interactive): the link's binding and the home load on demand, from the service worker's
// cache offline.
const bindScreen = async () => ({ Component: (await import('./juror-bind-route')).BindRoute });
const jurorHome = async () => ({ Component: (await import('../../features/juror/components/juror-home')).JurorHome });

function ScorecardRoute() {
  const id = Number(useParams().entrantId);
  return Number.isInteger(id) && id > 0 ? <Scorecard entrantId={id} /> : <Navigate to="/juror" replace />;
}

/** A screen of the juror shell opened from the address bar paints once the state is there, or after this. */
const FIRST_RENDER_WAIT_MS = 1_500;

/**
 * Before the app's first render: on a juror screen, waits (a bounded time) for the juror's state,
 * which the server asked the browser to fetch beside the JavaScript (apps/server/src/static.ts),
 * and for the outbox read back from IndexedDB. The first render is then the scorecard itself,
 * not a loading frame, a shell and the scorecard, each laid out in turn on a slow tablet. Without
 * a route loader, React Router renders the route at once instead of a hydration fallback.
 */
export async function beforeFirstRender(pathname: string): Promise<void> {
  const underShell = matchRoutes(jurorRoutes, pathname)?.some((m) => m.route.Component === JurorShell) ?? false;
  if (!underShell) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_RENDER_WAIT_MS)));
  await Promise.race([prefetchJurorState(queryClient), waited]);
  clearTimeout(timer);
}

/** The juror's tablet: its own frame (no organiser header), outside the organiser's layout. */
export const jurorRoutes: RouteObject[] = [
  { path: 'j/:inviteToken', lazy: bindScreen, HydrateFallback: Loading, ErrorBoundary: RouteError },
  {
    path: 'juror',
    Component: JurorShell,
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: jurorHome },
      { path: 'entrants/:entrantId', Component: ScorecardRoute },
    ],
  },
];
