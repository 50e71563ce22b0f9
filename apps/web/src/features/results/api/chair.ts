import type { DeliberationCorrectionRequest, DeliberationDecisionRequest, JurorState } from '@palmares/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, request } from '../../../lib/api-client';
import { resultsKeys } from './viewer';

/** The chair's tablet: its juror state, or why it cannot act (not bound, locked). */
export type ChairStateResult = { kind: 'ok'; state: JurorState } | { kind: 'unbound' } | { kind: 'locked' } | { kind: 'needs-pin' };

export async function getChairState(): Promise<ChairStateResult> {
  try {
    return { kind: 'ok', state: await request(api.juror.state.$get()) };
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return { kind: 'unbound' };
    if (isApiError(error, 'BINDING_LOCKED')) return { kind: 'locked' };
    // The chair's routes answer no tablet without its PIN: it is chosen (or typed) on the juror home.
    if (isApiError(error, 'PIN_REQUIRED')) return { kind: 'needs-pin' };
    throw error;
  }
}

export const chairStateQueryOptions = () => queryOptions({ queryKey: resultsKeys.chairState, queryFn: getChairState });
export const useChairState = () => useQuery(chairStateQueryOptions());

export function useDecideTie(roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: DeliberationDecisionRequest) =>
      request(api.chair.rounds[':roundId'].decisions.$post({ param: { roundId: String(roundId) }, json })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: resultsKeys.all }),
  });
}

export function useCorrectScore(roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: DeliberationCorrectionRequest) =>
      request(api.chair.rounds[':roundId'].corrections.$post({ param: { roundId: String(roundId) }, json })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: resultsKeys.all }),
  });
}
