import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

export const sessionQueryKey = ['auth', 'session'] as const;

/** The signed-in organiser; rejects with `ApiError` code `UNAUTHENTICATED` when signed out. */
export const getSession = () => request(api.auth.session.$get());

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: getSession,
    staleTime: 5 * 60_000,
    // A 401 already answered by the route loader need not be asked again by the header.
    retryOnMount: false,
  });

export const useSession = () => useQuery(sessionQueryOptions());
