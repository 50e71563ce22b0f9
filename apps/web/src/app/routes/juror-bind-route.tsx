import { useParams } from 'react-router';
import { BindScreen } from '../../features/juror/components/bind-screen';

/** The invitation link (`/j/:inviteToken`): binds this tablet to the juror. */
export function BindRoute() {
  const { inviteToken = '' } = useParams();
  return <BindScreen key={inviteToken} inviteToken={inviteToken} />;
}
