import type { EntrantCreate } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, param } from './keys';

/** Adds an entrant by hand (before round 1 opens). */
export const createEntrant = (id: number, json: EntrantCreate) =>
  request(api.competitions[':id'].entrants.$post({ param: param(id), json }));

export function useCreateEntrant(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: EntrantCreate) => createEntrant(id, json),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
