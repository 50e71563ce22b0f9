import type { LoaderFunctionArgs } from 'react-router';
import { competitionQueryOptions } from '../../features/competitions/api/get-competition';
import { loadCatalogs } from '../../i18n';
import { queryClient } from '../query-client';

export function parseCompetitionId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * Loader of every competition page. Starts fetching beside the session check instead of after it
 * (errors surface in the component); the sections bar of these pages needs the organiser's and
 * the results' catalogs.
 */
export async function competitionLoader({ params }: LoaderFunctionArgs) {
  const id = parseCompetitionId(params.id);
  if (id !== null) void queryClient.prefetchQuery(competitionQueryOptions(id));
  await loadCatalogs(['organiser', 'results']);
  return null;
}
