import type { QueryKey } from '@tanstack/react-query';
import { createQueryClient } from '../lib/query-client';

let onUnauthenticated: (queryKey: QueryKey) => void = () => {};

/** Lets the router, created after the client, decide where a signed-out user goes. */
export function setUnauthenticatedHandler(handler: (queryKey: QueryKey) => void): void {
  onUnauthenticated = handler;
}

export const queryClient = createQueryClient({ onUnauthenticated: (queryKey) => onUnauthenticated(queryKey) });
