import type { Change } from '@palmares/contract';
import { api, request } from '../../../lib/api-client';

/** Sends one batch of the outbox; whole or nothing on the server's side. */
export const postChanges = (roundId: number, changes: Change[]) =>
  request(api.juror.rounds[':roundId'].changes.$post({ param: { roundId: String(roundId) }, json: { changes } }));
