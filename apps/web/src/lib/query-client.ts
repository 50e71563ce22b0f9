import { QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError, isApiError } from './api-client';

const MAX_RETRIES = 2;

/** Retrying a 4xx cannot help (the request itself is wrong, or the user is signed out). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false;
  return failureCount < MAX_RETRIES;
}

interface QueryClientOptions {
  /** Called when a query learns the session has ended (expired cookie, signed out elsewhere). */
  onUnauthenticated?: (queryKey: QueryKey) => void;
}

export function createQueryClient({ onUnauthenticated }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 'UNAUTHENTICATED')) onUnauthenticated?.(query.queryKey);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
