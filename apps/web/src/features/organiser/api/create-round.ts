import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, param } from './keys';

/** Creates round 1 (the shortlist) in draft, with every entrant. */
export const createShortlistRound = (id: number) =>
  request(api.competitions[':id'].rounds.$post({ param: param(id), json: { kind: 'shortlist' } }));

export function useCreateShortlistRound(id: number) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => createShortlistRound(id), onSettled: () => invalidateCompetition(queryClient, id) });
}
