import type { PitchOrderRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, param } from './keys';

/** Draws the final's pitch order from a recorded seed, or sets it by hand. */
export const setPitchOrder = (id: number, json: PitchOrderRequest) =>
  request(api.competitions[':id'].live['pitch-order'].$put({ param: param(id), json }));

export function useSetPitchOrder(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: PitchOrderRequest) => setPitchOrder(id, json),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
