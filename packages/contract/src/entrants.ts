import { z } from 'zod';
import { longText, nameText } from './text.js';
import { EntrantSchema, PathIdSchema } from './competition.js';

export const EntrantParamSchema = z.object({
  id: PathIdSchema,
  entrantId: PathIdSchema,
});

const ContactSchema = z.union([z.email().max(320), z.literal('')]);

/** `POST /api/competitions/:id/entrants`: an entrant entered by hand. */
export const EntrantCreateSchema = z.strictObject({
  name: nameText(200),
  axisId: z.number().int().positive(),
  founders: longText(500).default(''),
  pitch: longText(2000).default(''),
  contactEmail: ContactSchema.default(''),
});
export type EntrantCreate = z.infer<typeof EntrantCreateSchema>;

/** `PATCH /api/competitions/:id/entrants/:entrantId`: only the fields given change. */
export const EntrantUpdateSchema = z
  .strictObject({
    name: nameText(200),
    axisId: z.number().int().positive(),
    founders: longText(500),
    pitch: longText(2000),
    contactEmail: ContactSchema,
  })
  .partial();
export type EntrantUpdate = z.infer<typeof EntrantUpdateSchema>;

/** A withdrawal: when, and the organiser's written reason (logged with it). */
export const WithdrawalSchema = z.object({ at: z.string(), reason: z.string() });
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

/**
 * What the organiser sees of an entrant: its private link's token and its axis code too, and its
 * withdrawal once withdrawn (kept, out of every ranking from then on).
 */
export const EntrantAdminSchema = EntrantSchema.extend({ axisCode: z.string(), accessToken: z.string(), withdrawal: WithdrawalSchema.nullable() });
export type EntrantAdmin = z.infer<typeof EntrantAdminSchema>;

export const EntrantListResponseSchema = z.object({ entrants: z.array(EntrantAdminSchema) });
export type EntrantListResponse = z.infer<typeof EntrantListResponseSchema>;

/**
 * `POST /api/competitions/:id/entrants/:entrantId/withdraw`: once round 1 has opened an entrant is
 * no longer deleted but withdrawn, with a written reason.
 */
export const WithdrawEntrantSchema = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export type WithdrawEntrant = z.infer<typeof WithdrawEntrantSchema>;

/**
 * `POST /api/competitions/:id/entrants/import`: a CSV file (UTF-8, comma or semicolon, header row:
 * name/nom, axis/axe, founders/fondateurs, pitch, contact/email). With `dryRun: true` nothing is
 * written; with `dryRun: false` the valid rows are created and the rejected ones reported again.
 */
export const EntrantImportRequestSchema = z.strictObject({
  csv: z.string().min(1).max(200_000),
  dryRun: z.boolean(),
});
export type EntrantImportRequest = z.infer<typeof EntrantImportRequestSchema>;

export const IMPORT_REJECTIONS = [
  'missing-name',
  'missing-axis',
  'unknown-axis',
  'duplicate-in-file',
  'duplicate-existing',
  'invalid-email',
  'too-long',
  'unsafe-text',
] as const;
export const ImportRejectionSchema = z.enum(IMPORT_REJECTIONS);

export const ImportRowReportSchema = z.object({
  /** Line of the file (the header is line 1). */
  line: z.number().int(),
  name: z.string(),
  axis: z.string(),
  status: z.enum(['create', 'rejected']),
  problems: z.array(z.object({ field: z.string(), reason: ImportRejectionSchema, message: z.string() })),
  /** Set when the row was created (not on a dry run). */
  entrantId: z.number().int().nullable(),
});
export type ImportRowReport = z.infer<typeof ImportRowReportSchema>;

export const EntrantImportResponseSchema = z.object({
  dryRun: z.boolean(),
  delimiter: z.enum([',', ';']),
  /** Columns of the file the import did not recognise (ignored). */
  ignoredColumns: z.array(z.string()),
  rows: z.array(ImportRowReportSchema),
  toCreate: z.number().int(),
  created: z.number().int(),
  rejected: z.number().int(),
});
export type EntrantImportResponse = z.infer<typeof EntrantImportResponseSchema>;
