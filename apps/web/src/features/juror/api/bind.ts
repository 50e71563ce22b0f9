import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

/**
 * Binds this tablet to the juror of an invitation link; the server sets the device cookie. Once
 * one of the juror's tablets has a PIN, the link binds another only with that PIN (401
 * `PIN_REQUIRED` without it).
 */
export const bindTablet = (inviteToken: string, pin?: string) =>
  request(api.juror.bind.$post({ json: pin === undefined ? { inviteToken } : { inviteToken, pin } }));

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
