import type { CloseRound } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, roundParam } from './keys';

const round = () => api.competitions[':id'].rounds[':roundId'];

/** Opens scoring; opening round 1 locks the settings. */
export const openRound = (id: number, roundId: number) => request(round().open.$post({ param: roundParam(id, roundId) }));

/** Closes scoring; the server asks for a reason when scorecards are missing. */
export const closeRound = (id: number, roundId: number, json: CloseRound) =>
  request(round().close.$post({ param: roundParam(id, roundId), json }));

/** Confirms the shortlist: the final is created in draft with the selected entrants. */
export const confirmShortlist = (id: number, roundId: number) => request(round().confirm.$post({ param: roundParam(id, roundId) }));

/** Publishes the confirmed shortlist to the startups. */
export const publishShortlist = (id: number, roundId: number) => request(round().publish.$post({ param: roundParam(id, roundId) }));

function useRoundMutation<TVariables, TResult>(id: number, fn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => invalidateCompetition(queryClient, id) });
}

export const useOpenRound = (id: number) => useRoundMutation(id, (roundId: number) => openRound(id, roundId));
export const useCloseRound = (id: number) =>
  useRoundMutation(id, ({ roundId, reason }: { roundId: number; reason?: string }) =>
    closeRound(id, roundId, reason === undefined ? {} : { reason }),
  );
export const useConfirmShortlist = (id: number) => useRoundMutation(id, (roundId: number) => confirmShortlist(id, roundId));
export const usePublishShortlist = (id: number) => useRoundMutation(id, (roundId: number) => publishShortlist(id, roundId));
