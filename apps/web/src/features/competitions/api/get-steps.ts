import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

/**
 * Where the competition stands and what is next. Under the competition's own key, so any change
 * the organiser makes (which invalidates the competition) refreshes the step list too.
 */
export const getSteps = (id: number) => request(api.competitions[':id'].steps.$get({ param: { id: String(id) } }));

export const stepsQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['competitions', id, 'steps'], queryFn: () => getSteps(id), staleTime: 0 });

export const useSteps = (id: number) => useQuery(stepsQueryOptions(id));
