import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

/** One competition with its axes, rubric, entrants and rounds. */
export const getCompetition = (id: number) => request(api.competitions[':id'].$get({ param: { id: String(id) } }));

export const competitionQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['competitions', id], queryFn: () => getCompetition(id) });

export const useCompetition = (id: number) => useQuery(competitionQueryOptions(id));
