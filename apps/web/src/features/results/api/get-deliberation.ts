import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { resultsKeys, roundParam, type Viewer } from './viewer';

/** The deliberation of a closed round; jurors are "Juror n" unless `reveal`. */
export function getDeliberation(viewer: Viewer, roundId: number, reveal: boolean) {
  const query = { reveal: reveal ? 'true' : 'false' } as const;
  return viewer.role === 'chair'
    ? request(api.chair.rounds[':roundId'].deliberation.$get({ param: { roundId: String(roundId) }, query }))
    : request(api.competitions[':id'].deliberation[':roundId'].$get({ param: roundParam(viewer, roundId), query }));
}

export const deliberationQueryOptions = (viewer: Viewer, roundId: number, reveal: boolean) =>
  queryOptions({ queryKey: resultsKeys.deliberation(viewer, roundId, reveal), queryFn: () => getDeliberation(viewer, roundId, reveal) });

export const useDeliberation = (viewer: Viewer, roundId: number, reveal: boolean) =>
  useQuery(deliberationQueryOptions(viewer, roundId, reveal));
