import { z } from 'zod';
import { TranslatedSchema } from './i18n.js';

export const StartupTokenParamSchema = z.object({ token: z.string().min(1).max(200) });

/** A place: exact ("4th") or a band ("top 6") as the organiser chose. */
export const StartupPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), place: z.number().int(), of: z.number().int(), shared: z.boolean() }),
  z.object({ kind: z.literal('band'), top: z.number().int(), of: z.number().int() }),
]);
export type StartupPlace = z.infer<typeof StartupPlaceSchema>;

const StartupNumberSchema = z.object({ display: z.string(), value: z.number() });

export const StartupCriterionSchema = z.object({
  code: z.string(),
  weight: z.number().int(),
  labels: TranslatedSchema,
  /** The criterion scored by the competition's own method (its offsets, the same trims). */
  score: StartupNumberSchema,
  field: z.object({ min: StartupNumberSchema, median: StartupNumberSchema, max: StartupNumberSchema }),
  /** The level whose number is the score rounded, with its description in the event's languages. */
  level: z.object({ value: z.number().int(), descriptions: TranslatedSchema }),
});
export type StartupCriterion = z.infer<typeof StartupCriterionSchema>;

/**
 * Why the weighted mean of the per-criterion scores is not the score, with both numbers: each
 * criterion trims its own highest and lowest scorecards, or the method (median, z-score) is not a
 * weighted sum. Null when they agree to the two decimals shown.
 */
export const StartupConsistencySchema = z
  .object({ weighted: StartupNumberSchema, reason: z.enum(['trim', 'median', 'zscore']) })
  .nullable();

/** The tie-break rules that placed it against a startup level with it (no other startup named). */
const StartupTiesSchema = z.array(
  z.object({ rule: z.string(), criterion: z.string().nullable(), groupSize: z.number().int(), value: z.string(), outcome: z.enum(['ahead', 'behind', 'between', 'level']) }),
);

export const StartupResultSchema = z.object({
  publishedAt: z.string(),
  method: z.string(),
  trim: z.union([z.literal('auto'), z.literal(0)]),
  score: StartupNumberSchema,
  overall: StartupPlaceSchema,
  axis: StartupPlaceSchema,
  /** Its prize place when it won one. */
  award: z.object({ place: z.number().int(), exAequo: z.boolean() }).nullable(),
  scored: z.number().int(),
  trimmed: z.number().int(),
  criteria: z.array(StartupCriterionSchema),
  feedback: z.array(z.string()),
  ties: StartupTiesSchema,
  /** The reason the chair wrote when the chair's order placed it in a tie no rule could split. */
  chairReason: z.string().nullable(),
  consistency: StartupConsistencySchema,
  /**
   * A prize rule that acted on it: skipped (with the names of its axis's winners, never their
   * scores) or promoted (no other startup named). Null when no rule changed its outcome.
   */
  ruleNote: z
    .object({
      kind: z.enum(['skipped', 'promoted']),
      rule: z.enum(['axis-max', 'reserved-for-axis-min']),
      rank: z.number().int(),
      place: z.number().int().nullable(),
      heldBy: z.array(z.string()),
    })
    .nullable(),
  /** The prize rules in force: how many prizes, at most how many per axis (null: no cap). */
  rules: z.object({ count: z.number().int(), axisMax: z.number().int().nullable() }),
});
export type StartupResult = z.infer<typeof StartupResultSchema>;

/**
 * Round 1 as a startup not shortlisted sees it once the shortlist is published with round 1's
 * feedback: its place as a band ("13th to 18th of 24"), its per-criterion scores against the field,
 * the jury's feedback, and the tie rules and chair's reason that concerned it.
 */
export const StartupRound1Schema = z.object({
  band: z.object({ from: z.number().int(), to: z.number().int(), of: z.number().int() }),
  shortlistSize: z.number().int(),
  method: z.string(),
  trim: z.union([z.literal('auto'), z.literal(0)]),
  score: StartupNumberSchema,
  scored: z.number().int(),
  trimmed: z.number().int(),
  criteria: z.array(StartupCriterionSchema),
  feedback: z.array(z.string()),
  ties: StartupTiesSchema,
  chairReason: z.string().nullable(),
  consistency: StartupConsistencySchema,
});
export type StartupRound1 = z.infer<typeof StartupRound1Schema>;

/** `GET /api/startup/:token`: only the startup's own data, only what is published. */
export const StartupPageSchema = z.object({
  competition: z.object({ name: z.string(), languages: z.array(z.string()), defaultLanguage: z.string() }),
  startup: z.object({ name: z.string(), axis: z.object({ code: z.string(), color: z.string(), labels: TranslatedSchema }) }),
  status: z.enum(['registered', 'shortlisted', 'not-shortlisted', 'results']),
  pitch: z.object({ position: z.number().int(), of: z.number().int() }).nullable(),
  result: StartupResultSchema.nullable(),
  /** For a startup not shortlisted, once round 1's feedback is published; null otherwise. */
  round1: StartupRound1Schema.nullable(),
  /**
   * Once the shortlist is published: the organiser replaced this startup among the proposed
   * finalists (`removed`) or brought it in (`added`), with the grounds and the reason on record.
   */
  override: z
    .object({ side: z.enum(['removed', 'added']), grounds: z.enum(['withdrawal', 'eligibility', 'quota']), reason: z.string() })
    .nullable()
    .optional(),
});
export type StartupPage = z.infer<typeof StartupPageSchema>;
