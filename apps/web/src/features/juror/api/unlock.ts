import { api, request } from '../../../lib/api-client';

/** Checks the PIN on the server (rate-limited there); resolves on the right PIN, throws otherwise. */
export const unlockOnline = (pin: string) => request(api.juror.unlock.$post({ json: { pin } }));
