import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { jurorStateQueryKey } from './get-state';

interface Args {
  roundId: number;
  entrantId: number;
}

export const submitScorecard = ({ roundId, entrantId }: Args) =>
  request(api.juror.rounds[':roundId'].scorecards[':entrantId'].submit.$post({ param: { roundId: String(roundId), entrantId: String(entrantId) } }));

/** Submits after the outbox has been drained (the caller sends the pending scores first). */
export function useSubmitScorecard() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: submitScorecard, onSettled: () => queryClient.invalidateQueries({ queryKey: jurorStateQueryKey }) });
}
