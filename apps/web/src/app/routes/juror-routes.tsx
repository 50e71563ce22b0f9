import { Navigate, useParams, type RouteObject } from 'react-router';
import { Loading } from '../../components/ui/loading';
import { prefetchJurorState } from '../../features/juror/api/get-state';
import { BindScreen } from '../../features/juror/components/bind-screen';
import { JurorHome } from '../../features/juror/components/juror-home';
import { JurorFrame, JurorShell } from '../../features/juror/components/juror-shell';
import { Scorecard } from '../../features/juror/components/scorecard';
import { queryClient } from '../query-client';
import { RouteError } from './route-error';

function BindRoute() {
  const { inviteToken = '' } = useParams();
  return <BindScreen key={inviteToken} inviteToken={inviteToken} />;
}

function ScorecardRoute() {
  const id = Number(useParams().entrantId);
  return Number.isInteger(id) && id > 0 ? <Scorecard entrantId={id} /> : <Navigate to="/juror" replace />;
}

/** Starts reading the juror's state before the first render instead of after it. */
const jurorLoader = () => prefetchJurorState(queryClient);

function JurorLoading() {
  return (
    <JurorFrame>
      <Loading />
    </JurorFrame>
  );
}

/** The juror's tablet: its own frame (no organiser header), outside the organiser's layout. */
export const jurorRoutes: RouteObject[] = [
  { path: 'j/:inviteToken', Component: BindRoute, ErrorBoundary: RouteError },
  {
    path: 'juror',
    loader: jurorLoader,
    HydrateFallback: JurorLoading,
    Component: JurorShell,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: JurorHome },
      { path: 'entrants/:entrantId', Component: ScorecardRoute },
    ],
  },
];
