import type { EntrantUpdate } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition } from './keys';

/** Edits an entrant; only the fields given change. */
export const updateEntrant = (id: number, entrantId: number, json: EntrantUpdate) =>
  request(api.competitions[':id'].entrants[':entrantId'].$patch({ param: { id: String(id), entrantId: String(entrantId) }, json }));

export function useUpdateEntrant(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entrantId, changes }: { entrantId: number; changes: EntrantUpdate }) => updateEntrant(id, entrantId, changes),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
