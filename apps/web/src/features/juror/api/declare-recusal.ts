import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { jurorStateQueryKey } from './get-state';

export const declareRecusal = (input: { entrantId: number; reason: string }) => request(api.juror.recusals.$post({ json: input }));

export function useDeclareRecusal() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: declareRecusal, onSettled: () => queryClient.invalidateQueries({ queryKey: jurorStateQueryKey }) });
}
