import type { RubricUpdate } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, organiserKeys, param } from './keys';

/** Replaces the scale and the rubric (every criterion, in order). */
export const updateRubric = (id: number, json: RubricUpdate) =>
  request(api.competitions[':id'].settings.rubric.$put({ param: param(id), json }));

export function useUpdateRubric(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: RubricUpdate) => updateRubric(id, json),
    onSuccess: (detail) => queryClient.setQueryData(organiserKeys.competition(id), detail),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
