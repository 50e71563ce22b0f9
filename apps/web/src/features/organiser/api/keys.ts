import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys of the organiser's screens, all under the competition's own key, so one
 * invalidation after a change refreshes the competition and everything derived from it.
 */
export const organiserKeys = {
  competition: (id: number) => ['competitions', id] as const,
  entrants: (id: number) => ['competitions', id, 'entrants'] as const,
  jurors: (id: number) => ['competitions', id, 'jurors'] as const,
  rounds: (id: number) => ['competitions', id, 'rounds'] as const,
  progress: (id: number, roundId: number) => ['competitions', id, 'rounds', roundId, 'progress'] as const,
  ranking: (id: number, roundId: number) => ['competitions', id, 'rounds', roundId, 'ranking'] as const,
  board: (id: number, roundId: number) => ['competitions', id, 'live', 'board', roundId] as const,
};

/** After any change to a competition, what the organiser sees of it is refetched. */
export const invalidateCompetition = (queryClient: QueryClient, id: number) =>
  queryClient.invalidateQueries({ queryKey: organiserKeys.competition(id) });

export const param = (id: number) => ({ id: String(id) });
export const roundParam = (id: number, roundId: number) => ({ id: String(id), roundId: String(roundId) });
