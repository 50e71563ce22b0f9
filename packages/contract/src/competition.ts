import { z } from 'zod';
import { LangSchema, TranslatedSchema } from './i18n.js';

export const METHODS = ['satm', 'mean', 'median', 'zscore'] as const;
export const MethodSchema = z.enum(METHODS);
export const TrimSchema = z.union([z.literal('auto'), z.literal(0)]);

/**
 * An id in a path: decimal digits only (no `1e3`, `0x1`, ` 1` or `+1`, which a plain number
 * coercion would read as ids), positive, at most 15 digits so it stays an exact number.
 */
export const PathIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'an id is written in decimal digits')
  .pipe(z.coerce.number<string>().int().positive());

export const IdParamSchema = z.object({ id: PathIdSchema });

export const AxisSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  color: z.string(),
  labels: TranslatedSchema,
});
export type Axis = z.infer<typeof AxisSchema>;

export const CriterionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  weight: z.number().int().positive(),
  labels: TranslatedSchema,
  /** Per language, one description per level of the scale (index 0 = scale.min). */
  levels: z.partialRecord(LangSchema, z.array(z.string())),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const EntrantSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  axisId: z.number().int(),
  founders: z.string(),
  pitch: z.string(),
  contactEmail: z.string(),
});
export type Entrant = z.infer<typeof EntrantSchema>;

export const RoundKindSchema = z.enum(['shortlist', 'final']);
export const RoundStateSchema = z.enum(['draft', 'open', 'closed', 'confirmed']);
export const RoundSchema = z.object({
  id: z.number().int(),
  kind: RoundKindSchema,
  state: RoundStateSchema,
  entrantCount: z.number().int(),
});
export type Round = z.infer<typeof RoundSchema>;

export const RulesSchema = z.object({
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  method: MethodSchema,
  trim: TrimSchema,
  awards: z.object({ count: z.number().int().positive(), axisMax: z.number().int().positive().nullable() }),
  shortlist: z.object({
    size: z.number().int().positive(),
    axisMin: z.number().int().nonnegative(),
    axisMax: z.number().int().positive().nullable(),
    /** The axes whose quota differs from the default, in axis order. */
    perAxis: z.array(z.object({ axis: z.string(), min: z.number().int().nonnegative(), max: z.number().int().positive().nullable() })),
  }),
});
export type Rules = z.infer<typeof RulesSchema>;

export const CompetitionSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string(),
  /** IANA name of the venue's time zone. */
  timeZone: z.string(),
  languages: z.array(LangSchema),
  defaultLanguage: LangSchema,
});
export type CompetitionSummary = z.infer<typeof CompetitionSummarySchema>;

export const CompetitionListResponseSchema = z.object({ competitions: z.array(CompetitionSummarySchema) });

export const CompetitionDetailSchema = CompetitionSummarySchema.extend({
  rules: RulesSchema,
  settingsLocked: z.boolean(),
  /** The jurors' tablets: minutes without a touch before a tablet asks for the PIN (1–60, default 15). */
  idleLockMinutes: z.number().int(),
  axes: z.array(AxisSchema),
  criteria: z.array(CriterionSchema),
  entrants: z.array(EntrantSchema),
  rounds: z.array(RoundSchema),
});
export type CompetitionDetail = z.infer<typeof CompetitionDetailSchema>;
