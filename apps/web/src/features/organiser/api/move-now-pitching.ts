import type { NowPitchingRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, param } from './keys';

/** Moves the now-pitching cursor (next, previous, clear = pause); every tablet follows it. */
export const moveNowPitching = (id: number, json: NowPitchingRequest) =>
  request(api.competitions[':id'].live['now-pitching'].$post({ param: param(id), json }));

export function useMoveNowPitching(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: NowPitchingRequest) => moveNowPitching(id, json),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
