import { z } from 'zod';
import { ErrorDetailSchema } from './errors.js';

/** The competition's steps, in the order the organiser goes through them (docs/product.md). */
export const STEP_KEYS = ['setup', 'entrants', 'jurors', 'round1', 'shortlist', 'final', 'deliberation', 'publication'] as const;
export const StepKeySchema = z.enum(STEP_KEYS);
export type StepKey = z.infer<typeof StepKeySchema>;

/** `done`; `next`, the one step to act on now (the first not done); `todo`, a later one. */
export const StepStateSchema = z.enum(['done', 'next', 'todo']);
export type StepState = z.infer<typeof StepStateSchema>;

export const CompetitionStepSchema = z.object({
  key: StepKeySchema,
  state: StepStateSchema,
  /**
   * Where the step stands, a code the screen words: `defaults` (set-up not reviewed yet),
   * `reviewed`, `locked`; `none`, `some`; `no_chair`; a round's `draft`, `open`, `closed`,
   * `confirmed`; the shortlist's `waiting`, `to_confirm`, `to_publish`, `published`; the results'
   * `signing`, `signed`, `published`.
   */
  status: z.string(),
  /** The figures behind the status (`{ entrants: 24 }`, `{ submitted: 12, assigned: 96 }`). */
  figures: z.record(z.string(), z.number().int()),
  /**
   * What would go wrong if the organiser acted now, with the same rule names (and figures) the
   * server refuses the action with: `shortlist_unpublished`, `unassigned`, `fewer_scorecards`, …
   */
  warnings: z.array(ErrorDetailSchema),
});
export type CompetitionStep = z.infer<typeof CompetitionStepSchema>;

/** `GET /api/competitions/:id/steps`: every step, and which one is next (none once results are out). */
export const CompetitionStepsSchema = z.object({
  steps: z.array(CompetitionStepSchema),
  next: StepKeySchema.nullable(),
});
export type CompetitionSteps = z.infer<typeof CompetitionStepsSchema>;
