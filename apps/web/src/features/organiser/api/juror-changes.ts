import type { ReplaceJurorRequest, UpdateJurorRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition } from './keys';

const jurorParam = (id: number, jurorId: number) => ({ id: String(id), jurorId: String(jurorId) });
const juror = () => api.competitions[':id'].jurors[':jurorId'];

/** Edits a juror's name, title or e-mail. */
export const updateJuror = (id: number, jurorId: number, json: UpdateJurorRequest) => request(juror().$patch({ param: jurorParam(id, jurorId), json }));

/** Removes a juror who has no scorecard yet. */
export const removeJuror = (id: number, jurorId: number) => request(juror().$delete({ param: jurorParam(id, jurorId) }));

/** Replaces a juror mid-competition: their scorecards stay, the replacement gets a new link. */
export const replaceJuror = (id: number, jurorId: number, json: ReplaceJurorRequest) =>
  request(juror().replace.$post({ param: jurorParam(id, jurorId), json }));

export function useUpdateJuror(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jurorId, changes }: { jurorId: number; changes: UpdateJurorRequest }) => updateJuror(id, jurorId, changes),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}

export function useRemoveJuror(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jurorId: number) => removeJuror(id, jurorId),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}

export function useReplaceJuror(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jurorId, replacement }: { jurorId: number; replacement: ReplaceJurorRequest }) => replaceJuror(id, jurorId, replacement),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
