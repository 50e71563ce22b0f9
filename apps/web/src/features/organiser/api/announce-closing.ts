import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, roundParam } from './keys';

/** Announces that scoring closes in `minutes`: every tablet counts down and asks for complete scorecards. */
export const announceClosing = (id: number, roundId: number, minutes: number) =>
  request(api.competitions[':id'].rounds[':roundId'].closing.$post({ param: roundParam(id, roundId), json: { minutes } }));

export function useAnnounceClosing(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, minutes }: { roundId: number; minutes: number }) => announceClosing(id, roundId, minutes),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
