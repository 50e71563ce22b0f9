import type { AxesUpdate } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, organiserKeys, param } from './keys';

/** Replaces the theme axes (the whole list, in display order). */
export const updateAxes = (id: number, json: AxesUpdate) =>
  request(api.competitions[':id'].settings.axes.$put({ param: param(id), json }));

export function useUpdateAxes(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: AxesUpdate) => updateAxes(id, json),
    onSuccess: (detail) => queryClient.setQueryData(organiserKeys.competition(id), detail),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
