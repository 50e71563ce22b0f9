import { Navigate, useParams, type RouteObject } from 'react-router';
import { BindScreen } from '../../features/juror/components/bind-screen';
import { JurorHome } from '../../features/juror/components/juror-home';
import { JurorShell } from '../../features/juror/components/juror-shell';
import { Scorecard } from '../../features/juror/components/scorecard';
import { RouteError } from './route-error';

function BindRoute() {
  const { inviteToken = '' } = useParams();
  return <BindScreen key={inviteToken} inviteToken={inviteToken} />;
}

function ScorecardRoute() {
  const id = Number(useParams().entrantId);
  return Number.isInteger(id) && id > 0 ? <Scorecard entrantId={id} /> : <Navigate to="/juror" replace />;
}

/** The juror's tablet: its own frame (no organiser header), outside the organiser's layout. */
export const jurorRoutes: RouteObject[] = [
  { path: 'j/:inviteToken', Component: BindRoute, ErrorBoundary: RouteError },
  {
    path: 'juror',
    Component: JurorShell,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: JurorHome },
      { path: 'entrants/:entrantId', Component: ScorecardRoute },
    ],
  },
];
