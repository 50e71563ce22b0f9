import type { CloseRound, ConfirmShortlistRequest, ShortlistReplacement } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, roundParam } from './keys';

const round = () => api.competitions[':id'].rounds[':roundId'];

/** Opens scoring; opening round 1 locks the settings. */
export const openRound = (id: number, roundId: number) => request(round().open.$post({ param: roundParam(id, roundId) }));

/** Closes scoring; the server asks for a reason when scorecards are missing. */
export const closeRound = (id: number, roundId: number, json: CloseRound) =>
  request(round().close.$post({ param: roundParam(id, roundId), json }));

/** Confirms the shortlist, with the replacements on the record: the final is created in draft with the confirmed entrants. */
export const confirmShortlist = (id: number, roundId: number, json: ConfirmShortlistRequest = {}) =>
  request(round().confirm.$post({ param: roundParam(id, roundId), json }));

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
/** `mutate(roundId)` confirms the proposal; `mutate({ roundId, replacements })` confirms it with replacements. */
export const useConfirmShortlist = (id: number) =>
  useRoundMutation(id, (v: number | { roundId: number; replacements: ShortlistReplacement[] }) =>
    typeof v === 'number' ? confirmShortlist(id, v) : confirmShortlist(id, v.roundId, { replacements: v.replacements }),
  );
export const usePublishShortlist = (id: number) => useRoundMutation(id, (roundId: number) => publishShortlist(id, roundId));
