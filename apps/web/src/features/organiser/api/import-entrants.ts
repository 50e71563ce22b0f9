import type { EntrantImportRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition, param } from './keys';

/** Imports a CSV: a dry run reports every row; `dryRun: false` creates the valid ones. */
export const importEntrants = (id: number, json: EntrantImportRequest) =>
  request(api.competitions[':id'].entrants.import.$post({ param: param(id), json }));

export function useImportEntrants(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: EntrantImportRequest) => importEntrants(id, json),
    onSuccess: (report) => {
      if (!report.dryRun) void invalidateCompetition(queryClient, id);
    },
  });
}

/** Where the browser downloads the entrants as CSV (a plain link: the session cookie goes with it). */
export const entrantsExportUrl = (id: number) => `/api/competitions/${id}/entrants/export`;
