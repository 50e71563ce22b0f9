import type { ChairDecisionRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, organiserKeys, roundParam } from './keys';

/** Records the order given to a tie the rules left open, with its reason. */
export const recordChairDecision = (id: number, roundId: number, json: ChairDecisionRequest) =>
  request(api.competitions[':id'].rounds[':roundId']['chair-decision'].$post({ param: roundParam(id, roundId), json }));

export function useChairDecision(id: number, roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ChairDecisionRequest) => recordChairDecision(id, roundId, json),
    onSuccess: (ranking) => queryClient.setQueryData(organiserKeys.ranking(id, roundId), ranking),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
