import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { organiserKeys, roundParam } from './keys';

/** The ranking of a closed round and the proposed selection, each quota skip explained. */
export const getRanking = (id: number, roundId: number) =>
  request(api.competitions[':id'].rounds[':roundId'].ranking.$get({ param: roundParam(id, roundId) }));

export const rankingQueryOptions = (id: number, roundId: number) =>
  queryOptions({ queryKey: organiserKeys.ranking(id, roundId), queryFn: () => getRanking(id, roundId) });

export const useRanking = (id: number, roundId: number, enabled = true) => useQuery({ ...rankingQueryOptions(id, roundId), enabled });
