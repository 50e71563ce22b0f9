import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

/** Binds this tablet to the juror of an invitation link; the server sets the device cookie. */
export const bindTablet = (inviteToken: string) => request(api.juror.bind.$post({ json: { inviteToken } }));

// One request per token even when React runs an effect twice (StrictMode) or the page re-renders.
const inFlight = new Map<string, ReturnType<typeof bindTablet>>();
export const bindTabletOnce = (inviteToken: string) => {
  let call = inFlight.get(inviteToken);
  if (!call) {
    call = bindTablet(inviteToken);
    inFlight.set(inviteToken, call);
    call.catch(() => inFlight.delete(inviteToken));
  }
  return call;
};

export const useBindTablet = () => useMutation({ mutationFn: bindTabletOnce });
