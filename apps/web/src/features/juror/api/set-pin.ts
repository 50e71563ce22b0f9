import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

/** Chooses this tablet's PIN on the server; answers with the parameters of the offline check. */
export const setPin = (pin: string) => request(api.juror.pin.$post({ json: { pin } }));

export const useSetPin = () => useMutation({ mutationFn: setPin });
