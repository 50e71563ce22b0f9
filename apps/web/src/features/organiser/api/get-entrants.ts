import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { organiserKeys, param } from './keys';

/** The entrants with their axis code and private-link token. */
export const getEntrants = (id: number) => request(api.competitions[':id'].entrants.$get({ param: param(id) }));

export const entrantsQueryOptions = (id: number) =>
  queryOptions({ queryKey: organiserKeys.entrants(id), queryFn: () => getEntrants(id) });

export const useEntrants = (id: number) => useQuery(entrantsQueryOptions(id));
