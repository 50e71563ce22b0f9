import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { jurorStateQueryKey } from './get-state';

interface Args {
  roundId: number;
  entrantId: number;
}

export const reopenScorecard = ({ roundId, entrantId }: Args) =>
  request(api.juror.rounds[':roundId'].scorecards[':entrantId'].reopen.$post({ param: { roundId: String(roundId), entrantId: String(entrantId) } }));

export function useReopenScorecard() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reopenScorecard, onSettled: () => queryClient.invalidateQueries({ queryKey: jurorStateQueryKey }) });
}
