import { z } from 'zod';

/**
 * One score where the stored scorecards and the event log disagree: the juror (their number in
 * the deliberation, "Juror 3"; null for a juror the round does not have), the startup, the
 * criterion, the value stored now and the value the log's replay gives (null: that side holds no
 * submitted score there, e.g. a scorecard inserted or deleted behind the application's back).
 */
export const IntegrityCellSchema = z.object({
  juror: z.number().int().nullable(),
  entrantId: z.number().int(),
  criterion: z.string(),
  stored: z.number().nullable(),
  logged: z.number().nullable(),
});
export type IntegrityCell = z.infer<typeof IntegrityCellSchema>;

/** The most cells an answer names; `total` counts them all. */
export const INTEGRITY_CELLS_SHOWN = 50;

/**
 * The round's stored scorecards checked against the event log's replay, on every read of its
 * results: `ok` when they agree score for score; otherwise the cells that differ (the first
 * {@link INTEGRITY_CELLS_SHOWN}, in juror then startup order) and how many there are in all.
 */
export const ResultsIntegritySchema = z.object({
  ok: z.boolean(),
  total: z.number().int(),
  cells: z.array(IntegrityCellSchema),
});
export type ResultsIntegrity = z.infer<typeof ResultsIntegritySchema>;
