import type { ReactNode } from 'react';
import { useJurorState } from '../api/get-state';
import { useIdleLock } from '../hooks/use-idle-lock';
import { idleMsOf } from '../lib/idle-lock';
import { useLock } from '../stores/lock-store';
import { JurorFrame } from './juror-shell';
import { LockScreen } from './lock-screen';

/**
 * The tablet's idle lock around a juror page that lives outside the juror shell (the chair's
 * deliberation, which can settle ties and correct scores): after the idle time the page gives way
 * to the PIN, exactly as the scorecards do, and a tablet already locked opens locked.
 */
export function JurorIdleLock({ children }: { children: ReactNode }) {
  const query = useJurorState();
  const locked = useLock((s) => s.locked);
  const state = query.data?.kind === 'ok' ? query.data.state : null;
  const pinSet = state?.binding.pinSet ?? false;

  useIdleLock(pinSet, false, idleMsOf(state?.competition));

  if (state && pinSet && locked) {
    return (
      <JurorFrame name={state.juror.name} jurorId={state.juror.id}>
        <LockScreen state={state} />
      </JurorFrame>
    );
  }
  return children;
}
