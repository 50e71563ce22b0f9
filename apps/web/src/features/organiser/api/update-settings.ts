import type { SettingsUpdate } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, organiserKeys, param } from './keys';

/** Changes the event and its rules; refused with SETTINGS_LOCKED once round 1's scoring opened. */
export const updateSettings = (id: number, json: SettingsUpdate) =>
  request(api.competitions[':id'].settings.$put({ param: param(id), json }));

export function useUpdateSettings(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: SettingsUpdate) => updateSettings(id, json),
    onSuccess: (detail) => queryClient.setQueryData(organiserKeys.competition(id), detail),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
