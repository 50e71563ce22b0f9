import type { SettingsUpdate } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, organiserKeys, param } from './keys';

/** Changes the event and its rules; refused with SETTINGS_LOCKED once round 1's scoring opened. */
export const updateSettings = (id: number, json: SettingsUpdate) =>
  request(api.competitions[':id'].settings.$put({ param: param(id), json }));

/**
 * A change to the settings (the event and its rules, the axes, the rubric): the server answers
 * with the whole competition, which the cache takes at once; what derives from it is refetched.
 */
export function useSettingsChange<Body, Detail>(id: number, send: (id: number, json: Body) => Promise<Detail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Body) => send(id, json),
    onSuccess: (detail) => queryClient.setQueryData(organiserKeys.competition(id), detail),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}

export const useUpdateSettings = (id: number) => useSettingsChange(id, updateSettings);
