import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition } from './keys';

const entrantParam = (id: number, entrantId: number) => ({ id: String(id), entrantId: String(entrantId) });

/** Deletes an entrant entered by mistake; the server allows it only before round 1 opens. */
export const removeEntrant = (id: number, entrantId: number) =>
  request(api.competitions[':id'].entrants[':entrantId'].$delete({ param: entrantParam(id, entrantId) }));

/** Withdraws an entrant once round 1 has opened: kept, shown as withdrawn, out of the ranking. */
export const withdrawEntrant = (id: number, entrantId: number, reason: string) =>
  request(api.competitions[':id'].entrants[':entrantId'].withdraw.$post({ param: entrantParam(id, entrantId), json: { reason } }));

export function useRemoveEntrant(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entrantId: number) => removeEntrant(id, entrantId),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}

export function useWithdrawEntrant(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entrantId, reason }: { entrantId: number; reason: string }) => withdrawEntrant(id, entrantId, reason),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
