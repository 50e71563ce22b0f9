import type { CompetitionExport } from '@palmares/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';

const backupsKey = ['admin', 'backups'] as const;

/** The backups kept beside the database, newest first. */
export const getBackups = () => request(api.admin.backups.$get());
export const backupsQueryOptions = () => queryOptions({ queryKey: backupsKey, queryFn: getBackups });
export const useBackups = () => useQuery(backupsQueryOptions());

/** Takes a backup now; the answer is the checked copy (name, size, integrity, log entries). */
export function useTakeBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.admin.backup.$post()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupsKey }),
  });
}

/** Where the browser downloads one backup (a plain link: the session cookie goes with it). */
export const backupDownloadUrl = (file: string) => `/api/admin/backups/${encodeURIComponent(file)}`;

/** Where the browser downloads a competition as one JSON document. */
export const competitionExportUrl = (id: number) => `/api/admin/competitions/${id}/export.json`;

/** Imports an exported competition; with `dryRun` every check runs and nothing is written. */
export const importCompetition = (doc: CompetitionExport, dryRun: boolean) =>
  request(api.admin.competitions.import.$post({ query: { dryRun: dryRun ? 'true' : 'false' }, json: doc }));

export function useImportCompetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ doc, dryRun }: { doc: CompetitionExport; dryRun: boolean }) => importCompetition(doc, dryRun),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: ['competitions'] });
    },
  });
}
