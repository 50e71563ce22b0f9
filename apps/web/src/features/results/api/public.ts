import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, request } from '../../../lib/api-client';
import { resultsKeys } from './viewer';

/** A startup's own page by its private link; null for an unknown link. */
export async function getStartupPage(token: string) {
  try {
    return await request(api.startup[':token'].$get({ param: { token } }));
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

export const useStartupPage = (token: string) =>
  useQuery(queryOptions({ queryKey: resultsKeys.startup(token), queryFn: () => getStartupPage(token), staleTime: 60_000 }));

/** The published winners in prize order; null until the results are published. */
export async function getWinners(competitionId: number) {
  try {
    return await request(api.public.competitions[':id'].winners.$get({ param: { id: String(competitionId) } }));
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

export const winnersQueryOptions = (competitionId: number) =>
  queryOptions({ queryKey: resultsKeys.winners(competitionId), queryFn: () => getWinners(competitionId) });

export const useWinners = (competitionId: number) => useQuery(winnersQueryOptions(competitionId));

/** Where the organiser downloads a CSV export (a plain link: the browser saves the file). */
export const exportUrl = (competitionId: number, file: 'scorecards' | 'results', lang: string) =>
  `/api/competitions/${competitionId}/exports/${file}.csv?lang=${lang}${file === 'results' ? '&round=final' : ''}`;
