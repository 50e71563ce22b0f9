import type { CompetitionCreate } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

/** Creates a competition (with the defaults, or from an earlier one); the signed-in organiser runs it. */
export const createCompetition = (json: CompetitionCreate) => request(api.competitions.$post({ json }));

export function useCreateCompetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCompetition,
    onSuccess: (detail) => {
      queryClient.setQueryData(['competitions', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['competitions'], exact: true });
    },
  });
}
