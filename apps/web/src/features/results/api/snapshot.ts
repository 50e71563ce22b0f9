import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, request } from '../../../lib/api-client';
import { resultsKeys, roundParam, type Viewer } from './viewer';

/** The latest results snapshot of the round, or null when none was taken yet. */
export async function getSnapshot(viewer: Viewer, roundId: number) {
  try {
    return viewer.role === 'chair'
      ? await request(api.chair.rounds[':roundId'].results.$get({ param: { roundId: String(roundId) } }))
      : await request(api.competitions[':id'].results[':roundId'].$get({ param: roundParam(viewer, roundId) }));
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

export const snapshotQueryOptions = (viewer: Viewer, roundId: number) =>
  queryOptions({ queryKey: resultsKeys.snapshot(viewer, roundId), queryFn: () => getSnapshot(viewer, roundId) });

export const useSnapshot = (viewer: Viewer, roundId: number) => useQuery(snapshotQueryOptions(viewer, roundId));

const takeSnapshot = (viewer: Viewer, roundId: number) =>
  viewer.role === 'chair'
    ? request(api.chair.rounds[':roundId'].snapshot.$post({ param: { roundId: String(roundId) } }))
    : request(api.competitions[':id'].results[':roundId'].snapshot.$post({ param: roundParam(viewer, roundId) }));

/**
 * Signing freezes the current results first: taking a snapshot with nothing changed returns the
 * same one, and a changed result gets a new one (the other signature then applies to the old).
 */
export async function signResults(viewer: Viewer, roundId: number) {
  await takeSnapshot(viewer, roundId);
  return viewer.role === 'chair'
    ? request(api.chair.rounds[':roundId'].signoff.$post({ param: { roundId: String(roundId) } }))
    : request(api.competitions[':id'].results[':roundId'].signoff.$post({ param: roundParam(viewer, roundId) }));
}

export function useSignResults(viewer: Viewer, roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => signResults(viewer, roundId),
    onSuccess: (snapshot) => queryClient.setQueryData(resultsKeys.snapshot(viewer, roundId), snapshot),
    onSettled: () => queryClient.invalidateQueries({ queryKey: resultsKeys.all }),
  });
}

export function usePublishResults(viewer: Extract<Viewer, { role: 'organiser' }>, roundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.competitions[':id'].results[':roundId'].publish.$post({ param: roundParam(viewer, roundId) })),
    onSuccess: (snapshot) => queryClient.setQueryData(resultsKeys.snapshot(viewer, roundId), snapshot),
    onSettled: () => queryClient.invalidateQueries(),
  });
}

/**
 * The snapshot recomputed from the stored scorecards, the stored scorecards against a full replay
 * of the event log, and the log's hash chain: one answer, with one verdict.
 */
export const verifyResults = (viewer: Viewer, roundId: number) =>
  viewer.role === 'chair'
    ? request(api.chair.rounds[':roundId'].verify.$get({ param: { roundId: String(roundId) } }))
    : request(api.competitions[':id'].results[':roundId'].verify.$get({ param: roundParam(viewer, roundId) }));

export const useVerifyResults = (viewer: Viewer, roundId: number) => useMutation({ mutationFn: () => verifyResults(viewer, roundId) });
