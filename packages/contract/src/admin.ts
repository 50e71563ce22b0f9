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

export const CompetitionImportResponseSchema = z.object({
  competitionId: z.number().int().positive(),
  rows: z.number().int().nonnegative(),
  /**
   * What an import does not carry over (decision 018): sign-offs and the final's publication are
   * authority of the source server's people; the chair and the organiser sign again here.
   */
  dropped: z.object({ signoffs: z.number().int().nonnegative(), publications: z.number().int().nonnegative() }),
});
export type CompetitionImportResponse = z.infer<typeof CompetitionImportResponseSchema>;
