import type { CreateJurorRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, param } from './keys';

/** Invites a juror: the server makes a new invitation link. */
export const createJuror = (id: number, json: CreateJurorRequest) =>
  request(api.competitions[':id'].jurors.$post({ param: param(id), json }));

export function useCreateJuror(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: CreateJurorRequest) => createJuror(id, json),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
