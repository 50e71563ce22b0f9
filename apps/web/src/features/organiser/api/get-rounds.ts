import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { organiserKeys, param } from './keys';

/** The rounds of a competition (round 1, then the final once the shortlist is confirmed). */
export const getRounds = (id: number) => request(api.competitions[':id'].rounds.$get({ param: param(id) }));

export const roundsQueryOptions = (id: number) =>
  queryOptions({ queryKey: organiserKeys.rounds(id), queryFn: () => getRounds(id) });

export const useRounds = (id: number) => useQuery(roundsQueryOptions(id));
