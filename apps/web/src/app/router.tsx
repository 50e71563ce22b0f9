import { createBrowserRouter, Navigate, redirect } from 'react-router';
import { Loading } from '../components/ui/loading';
import { sessionQueryKey } from '../features/auth/api/get-session';
import { queryClient, setUnauthenticatedHandler } from './query-client';
import { CompetitionRoute, competitionLoader } from './routes/competition-route';
import { CompetitionsRoute } from './routes/competitions-route';
import { jurorRoutes } from './routes/juror-routes';
import { LoginRoute, loginLoader } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import {
  OrganiserEntrantsRoute,
  OrganiserFinalRoute,
  OrganiserJurorsRoute,
  organiserLoader,
  OrganiserRoundOneRoute,
  OrganiserSetupRoute,
} from './routes/organiser-routes';
import { requireSession } from './routes/require-session';
import { ResultsDeliberationRoute, resultsLoader, resultsPublicRoutes, ResultsPrintRoute } from './routes/results-routes';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';

export const router = createBrowserRouter([
  ...jurorRoutes,
  ...resultsPublicRoutes,
  {
    Component: RootLayout,
    HydrateFallback: Loading,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { path: 'login', loader: loginLoader, Component: LoginRoute },
          {
            id: 'organiser',
            loader: requireSession,
            children: [
              { index: true, loader: () => redirect('/competitions'), element: <Navigate to="/competitions" replace /> },
              { path: 'competitions', Component: CompetitionsRoute },
              { path: 'competitions/:id', loader: competitionLoader, Component: CompetitionRoute },
              { path: 'competitions/:id/setup', loader: organiserLoader, Component: OrganiserSetupRoute },
              { path: 'competitions/:id/entrants', loader: organiserLoader, Component: OrganiserEntrantsRoute },
              { path: 'competitions/:id/jurors', loader: organiserLoader, Component: OrganiserJurorsRoute },
              { path: 'competitions/:id/round-1', loader: organiserLoader, Component: OrganiserRoundOneRoute },
              { path: 'competitions/:id/final', loader: organiserLoader, Component: OrganiserFinalRoute },
              { path: 'competitions/:id/deliberation', loader: resultsLoader, Component: ResultsDeliberationRoute },
              { path: 'competitions/:id/results/print', loader: resultsLoader, Component: ResultsPrintRoute },
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
