import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { organiserKeys, roundParam } from './keys';

/** Submitted scorecards per juror and per entrant. */
export const getProgress = (id: number, roundId: number) =>
  request(api.competitions[':id'].rounds[':roundId'].progress.$get({ param: roundParam(id, roundId) }));

export const progressQueryOptions = (id: number, roundId: number) =>
  queryOptions({ queryKey: organiserKeys.progress(id, roundId), queryFn: () => getProgress(id, roundId) });

export const useProgress = (id: number, roundId: number) => useQuery(progressQueryOptions(id, roundId));
