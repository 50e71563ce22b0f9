import type { AssignmentRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, roundParam } from './keys';

/** Assigns jurors to a draft round: everyone to everyone, or balanced with k jurors per entrant. */
export const assignRound = (id: number, roundId: number, json: AssignmentRequest) =>
  request(api.competitions[':id'].rounds[':roundId'].assignments.$put({ param: roundParam(id, roundId), json }));

export function useAssignRound(id: number, roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: AssignmentRequest) => assignRound(id, roundId, json),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
