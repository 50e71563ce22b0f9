import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, redirect } from 'react-router';
import { Loading } from '../components/ui/loading';
import { loadCatalogs } from '../i18n';
import type { LazyNamespace } from '../i18n/resources';
import { sessionQueryKey } from '../features/auth/api/get-session';
import { isBoundTablet } from '../features/juror/lib/bound-tablet';
import { loginPathFor } from '../lib/safe-next';
import { queryClient, setUnauthenticatedHandler } from './query-client';
import { competitionLoader } from './routes/competition-loader';
import { jurorRoutes } from './routes/juror-routes';
import { NotFoundRoute } from './routes/not-found-route';
import { requireSession } from './routes/require-session';
import { RouteError } from './routes/route-error';
import type * as OrganiserModule from './routes/organiser-routes';
import type * as ResultsModule from './routes/results-routes';

// The organiser's and the results' screens (sign-in included) load on demand, with their catalogs
// in the language shown: a juror's tablet downloads only the app shell and its own screens before
// the scorecard is usable (budget: 160 KB of gzipped JS).
const organiserLayout = async () => ({ Component: (await import('./routes/root-layout')).RootLayout });
const loginRoute = async () => {
  const { LoginRoute, loginLoader } = await import('./routes/login-route');
  return { loader: loginLoader, Component: LoginRoute };
};
const competitionsScreen = async () => ({ Component: (await import('./routes/competitions-route')).CompetitionsRoute });
const newCompetitionScreen = async () => {
  const [module] = await Promise.all([import('./routes/new-competition-route'), loadCatalogs(['organiser'])]);
  return { Component: module.NewCompetitionRoute };
};
const competitionScreen = async () => ({ Component: (await import('./routes/competition-route')).CompetitionRoute });
const organiserScreen = (pick: (m: typeof OrganiserModule) => ComponentType) => async () => {
  const [module] = await Promise.all([import('./routes/organiser-routes'), loadCatalogs(['organiser', 'results'])]);
  return { Component: pick(module) };
};
const resultsScreen =
  (pick: (m: typeof ResultsModule) => ComponentType, namespaces: readonly LazyNamespace[] = ['results']) =>
  async () => {
    const [module] = await Promise.all([import('./routes/results-routes'), loadCatalogs(namespaces)]);
    return { Component: pick(module) };
  };

/**
 * The front door: a juror's tablet opens the juror's home, online and offline (the service worker
 * serves the app; issue 14 point 11); any other browser the organiser's side (sign-in if needed).
 */
const frontDoor = () => redirect(isBoundTablet() ? '/juror' : '/competitions');

export const router = createBrowserRouter([
  { index: true, loader: frontDoor, element: <Navigate to={isBoundTablet() ? '/juror' : '/competitions'} replace /> },
  ...jurorRoutes,
  // Opened from the address bar, these wait for their screen's code: a loading state meanwhile.
  { path: 's/:token', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.StartupRoute) },
  { path: 'competitions/:id/winners', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.WinnersRoute) },
  { path: 'competitions/:id/ceremony', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.CeremonyRoute) },
  { path: 'juror/deliberation', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.ChairDeliberationRoute) },
  {
    lazy: organiserLayout,
    HydrateFallback: Loading,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { path: 'login', lazy: loginRoute },
          {
            id: 'organiser',
            loader: requireSession,
            children: [
              { path: 'competitions', lazy: competitionsScreen },
              { path: 'competitions/new', lazy: newCompetitionScreen },
              { path: 'data', lazy: organiserScreen((m) => m.OrganiserDataRoute) },
              { path: 'competitions/:id', loader: competitionLoader, lazy: competitionScreen },
              { path: 'competitions/:id/setup', loader: competitionLoader, lazy: organiserScreen((m) => m.OrganiserSetupRoute) },
              { path: 'competitions/:id/entrants', loader: competitionLoader, lazy: organiserScreen((m) => m.OrganiserEntrantsRoute) },
              { path: 'competitions/:id/jurors', loader: competitionLoader, lazy: organiserScreen((m) => m.OrganiserJurorsRoute) },
              { path: 'competitions/:id/round-1', loader: competitionLoader, lazy: organiserScreen((m) => m.OrganiserRoundOneRoute) },
              { path: 'competitions/:id/final', loader: competitionLoader, lazy: organiserScreen((m) => m.OrganiserFinalRoute) },
              { path: 'competitions/:id/deliberation', loader: competitionLoader, lazy: resultsScreen((m) => m.ResultsDeliberationRoute, ['organiser', 'results']) },
              { path: 'competitions/:id/results/print', loader: competitionLoader, lazy: resultsScreen((m) => m.ResultsPrintRoute) },
            ],
          },
          { path: '*', Component: NotFoundRoute },
        ],
      },
    ],
  },
]);

// A session that ends while the app is open (expiry, sign-out in another tab) leads to sign-in,
// and back to the same page afterwards. The session query's own 401 just means "signed out" and
// is handled by the loaders. While a first load is still running its loaders (a competition's
// data prefetched beside the session check), the loader's redirect already carries the page.
setUnauthenticatedHandler((queryKey) => {
  if (queryKey[0] === sessionQueryKey[0]) return;
  queryClient.removeQueries({ queryKey: sessionQueryKey });
  const { location, navigation, initialized } = router.state;
  if (!initialized || navigation.state !== 'idle') return;
  if (location.pathname !== '/login') void router.navigate(loginPathFor(location.pathname + location.search), { replace: true });
});
