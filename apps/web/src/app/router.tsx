import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, redirect } from 'react-router';
import { Loading } from '../components/ui/loading';
import { loadCatalogs } from '../i18n';
import type { LazyNamespace } from '../i18n/resources';
import { sessionQueryKey } from '../features/auth/api/get-session';
import { queryClient, setUnauthenticatedHandler } from './query-client';
import { competitionLoader } from './routes/competition-loader';
import { jurorRoutes } from './routes/juror-routes';
import { NotFoundRoute } from './routes/not-found-route';
import { requireSession } from './routes/require-session';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';
import type * as OrganiserModule from './routes/organiser-routes';
import type * as ResultsModule from './routes/results-routes';

// The organiser's and the results' screens (sign-in included) load on demand, with their catalogs
// in the language shown: a juror's tablet downloads only the app shell and its own screens before
// the scorecard is usable (budget: 160 KB of gzipped JS).
const loginRoute = async () => {
  const { LoginRoute, loginLoader } = await import('./routes/login-route');
  return { loader: loginLoader, Component: LoginRoute };
};
const competitionsScreen = async () => ({ Component: (await import('./routes/competitions-route')).CompetitionsRoute });
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

export const router = createBrowserRouter([
  ...jurorRoutes,
  // Opened from the address bar, these wait for their screen's code: a loading state meanwhile.
  { path: 's/:token', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.StartupRoute) },
  { path: 'competitions/:id/winners', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.WinnersRoute) },
  { path: 'competitions/:id/ceremony', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.CeremonyRoute) },
  { path: 'juror/deliberation', ErrorBoundary: RouteError, HydrateFallback: Loading, lazy: resultsScreen((m) => m.ChairDeliberationRoute) },
  {
    Component: RootLayout,
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
              { index: true, loader: () => redirect('/competitions'), element: <Navigate to="/competitions" replace /> },
              { path: 'competitions', lazy: competitionsScreen },
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

// A session that ends while the app is open (expiry, sign-out in another tab) leads to sign-in.
// The session query's own 401 just means "signed out" and is handled by the loaders.
setUnauthenticatedHandler((queryKey) => {
  if (queryKey[0] === sessionQueryKey[0]) return;
  queryClient.removeQueries({ queryKey: sessionQueryKey });
  if (router.state.location.pathname !== '/login') void router.navigate('/login');
});
