import type { ResultsDisclosureUpdate } from '@palmares/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { param } from './keys';

const disclosureKey = (id: number) => ['competitions', id, 'disclosure'] as const;

/** What startups are shown: their place exactly or as a band, and round 1's feedback to those not shortlisted. */
export const getDisclosure = (id: number) => request(api.competitions[':id'].results.disclosure.$get({ param: param(id) }));

export const disclosureQueryOptions = (id: number) => queryOptions({ queryKey: disclosureKey(id), queryFn: () => getDisclosure(id) });

export const useDisclosure = (id: number) => useQuery(disclosureQueryOptions(id));

/** Changes one setting of the disclosure; the answer is the whole setting. */
export function useUpdateDisclosure(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ResultsDisclosureUpdate) => request(api.competitions[':id'].results.disclosure.$put({ param: param(id), json })),
    onSuccess: (data) => queryClient.setQueryData(disclosureKey(id), data),
  });
}
