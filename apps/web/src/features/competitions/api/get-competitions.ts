import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

/** The competitions the signed-in organiser runs. */
export const getCompetitions = () => request(api.competitions.$get());

export const competitionsQueryOptions = () =>
  queryOptions({ queryKey: ['competitions'], queryFn: getCompetitions });

export const useCompetitions = () => useQuery(competitionsQueryOptions());
