import { z } from 'zod';

/** `POST /api/admin/backup`: an online copy of the whole database, checked before it is reported. */
export const BackupResponseSchema = z.object({
  /** The copy's file name in the `backups/` folder beside the database; never a path of the server's disk. */
  file: z.string().regex(/^[^/\\]+$/),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  takenAt: z.string(),
  /** `PRAGMA integrity_check` of the copy: "ok". */
  integrity: z.string(),
  /** Entries of the event log in the copy, whose hash chain verified. */
  eventLogEntries: z.number().int().nonnegative(),
});
export type BackupResponse = z.infer<typeof BackupResponseSchema>;

/** A backup's file name, `palmares-2026-06-13T09-00-00-000Z.sqlite`: the time it was taken, in UTC. */
export const BACKUP_FILE_NAME = /^palmares-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

/** `GET /api/admin/backups`: the copies kept beside the database, newest first. */
export const BackupListResponseSchema = z.object({
  backups: z.array(z.object({ file: z.string().regex(BACKUP_FILE_NAME), bytes: z.number().int().nonnegative(), takenAt: z.string() })),
  /** How many copies are kept (older ones are deleted), and the least time between two. */
  keep: z.number().int().positive(),
  minIntervalSeconds: z.number().int().nonnegative(),
});
export type BackupListResponse = z.infer<typeof BackupListResponseSchema>;

/** `GET /api/admin/backups/:file`: one backup by its name (never a path). */
export const BackupFileParamSchema = z.object({ file: z.string().max(100) });

export const COMPETITION_EXPORT_FORMAT = 'palmares-competition' as const;

const CellSchema = z.union([z.string(), z.number(), z.null()]);
/** A table's rows, compactly: the column names once, then one array of cells per row. */
export const ExportedTableSchema = z.strictObject({
  columns: z.array(z.string().min(1).max(64)).min(1).max(100),
  rows: z.array(z.array(CellSchema)),
});
export type ExportedTable = z.infer<typeof ExportedTableSchema>;

/**
 * One competition as one JSON document: its rows table by table (ids kept), and its event-log
 * entries as history. Import it into a database that does not hold those ids yet.
 * @example { "format": "palmares-competition", "version": 1, "exportedAt": "2026-06-15T18:00:00.000Z", "competitionId": 1, "tables": { "competitions": { "columns": ["id", "name"], "rows": [[1, "Casablanca Smart City 2023"]] } }, "events": { "columns": ["seq"], "rows": [] } }
 */
export const CompetitionExportSchema = z.strictObject({
  format: z.literal(COMPETITION_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  competitionId: z.number().int().positive(),
  tables: z.record(z.string().max(64), ExportedTableSchema),
  events: ExportedTableSchema,
});
export type CompetitionExport = z.infer<typeof CompetitionExportSchema>;

/** `POST /api/admin/competitions/import?dryRun=true` runs every check and writes nothing. */
export const CompetitionImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export const CompetitionImportResponseSchema = z.object({
  /** True when nothing was written: every check passed and the import would go through as shown. */
  dryRun: z.boolean(),
  competitionId: z.number().int().positive(),
  name: z.string(),
  rows: z.number().int().nonnegative(),
  /** Rows written (or, in a dry run, to be written) per table. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** Entries of the document's event log that verified and are carried over. */
  events: z.number().int().nonnegative(),
  /**
   * What an import does not carry over (decision 018): sign-offs and the final's publication are
   * authority of the source server's people; the chair and the organiser sign again here.
   */
  dropped: z.object({ signoffs: z.number().int().nonnegative(), publications: z.number().int().nonnegative() }),
});
export type CompetitionImportResponse = z.infer<typeof CompetitionImportResponseSchema>;
