import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition } from './keys';

/**
 * A new invitation link for a juror, when the old one is lost or was sent to the wrong person:
 * the old link (printed or sent) stops binding tablets; tablets already bound stay bound.
 */
export function useRotateInvite(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jurorId: number) =>
      request(api.competitions[':id'].jurors[':jurorId'].invite.rotate.$post({ param: { id: String(id), jurorId: String(jurorId) } })),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
