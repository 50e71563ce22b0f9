import { z } from 'zod';
import { MethodSchema, TrimSchema } from './competition.js';
import { lineText, nameText } from './text.js';
import { LangSchema, TranslatedSchema } from './i18n.js';

const IsoDateSchema = z.iso.date();
const CodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40');
/**
 * A cross-field rule's name rides in the params, so the server can send it as the detail's
 * `rule` and the web can word it in the reader's language (zod would call them all `custom`).
 */
const named = (rule: string, message: string, path?: string[]) => ({ message, params: { rule }, ...(path ? { path } : {}) });

const LanguagesSchema = z.array(LangSchema).min(1).max(3).refine((l) => new Set(l).size === l.length, named('each_once', 'each language once'));

export const AxisInputSchema = z.object({
  code: CodeSchema,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour like #1d4ed8'),
  labels: TranslatedSchema,
});
export type AxisInput = z.infer<typeof AxisInputSchema>;

const uniqueCodes = (items: { code: string }[]) => new Set(items.map((i) => i.code)).size === items.length;

/** `PUT /api/competitions/:id/settings/axes`: the whole list, in display order. */
export const AxesUpdateSchema = z.strictObject({
  axes: z.array(AxisInputSchema).max(20).refine(uniqueCodes, named('unique_codes', 'each axis code once')),
});
export type AxesUpdate = z.infer<typeof AxesUpdateSchema>;

export const CriterionInputSchema = z.object({
  code: CodeSchema,
  weight: z.number().int().positive().max(1000),
  labels: TranslatedSchema,
  /** Per language, one description per level of the scale (index 0 = scale.min). */
  levels: z.partialRecord(LangSchema, z.array(z.string().max(500))),
});
export type CriterionInput = z.infer<typeof CriterionInputSchema>;

export const ScaleSchema = z
  .object({ min: z.number().int().min(0).max(100), max: z.number().int().min(1).max(100) })
  .refine((s) => s.min < s.max, named('min_below_max', 'min must be below max', ['max']));

/**
 * `PUT /api/competitions/:id/settings/rubric`: the scale and every criterion in declared order;
 * each criterion needs a label and one level description per level in every language of the event.
 */
export const RubricUpdateSchema = z.strictObject({
  scale: ScaleSchema,
  criteria: z.array(CriterionInputSchema).min(1).max(20).refine(uniqueCodes, named('unique_codes', 'each criterion code once')),
});
export type RubricUpdate = z.infer<typeof RubricUpdateSchema>;

/** One axis's own shortlist quota, replacing the default's minimum and maximum; `max` null: no cap. */
export const AxisShortlistQuotaSchema = z
  .object({ axis: CodeSchema, min: z.number().int().nonnegative().max(1000), max: z.number().int().positive().max(1000).nullable() })
  .refine((q) => q.max === null || q.min <= q.max, named('min_above_max', 'min above max', ['min']));
export type AxisShortlistQuota = z.infer<typeof AxisShortlistQuotaSchema>;

/** `PUT /api/competitions/:id/settings`: the event and its pre-registered rules (not the rubric). */
export const SettingsUpdateSchema = z
  .strictObject({
    name: nameText(200),
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    venue: lineText(200).default(''),
    languages: LanguagesSchema,
    defaultLanguage: LangSchema,
    method: MethodSchema,
    trim: TrimSchema,
    awards: z.object({ count: z.number().int().positive().max(100), axisMax: z.number().int().positive().nullable() }),
    shortlist: z
      .object({
        size: z.number().int().positive().max(1000),
        axisMin: z.number().int().nonnegative(),
        axisMax: z.number().int().positive().nullable(),
        /** The axes whose quota differs from the default (issue 16 point 6); absent: none differs. */
        perAxis: z
          .array(AxisShortlistQuotaSchema)
          .max(20)
          .refine((q) => new Set(q.map((x) => x.axis)).size === q.length, named('each_once', 'each axis once'))
          .optional(),
      })
      .refine((s) => s.axisMax === null || s.axisMin <= s.axisMax, named('min_above_max', 'axisMin above axisMax', ['axisMin'])),
  })
  .refine((s) => s.startsOn <= s.endsOn, named('ends_before_start', 'ends before it starts', ['endsOn']))
  .refine((s) => s.languages.includes(s.defaultLanguage), named('not_among_languages', 'not among the languages', ['defaultLanguage']));
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

/**
 * `POST /api/competitions`: the signed-in organiser becomes its organiser. Without `axes`, the five
 * axes of the Casablanca Smart City congress; rules start at their defaults (scale 1–10, SATM,
 * 3 awards, shortlist of 12).
 */
export const CompetitionCreateSchema = z
  .strictObject({
    name: nameText(200),
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    venue: lineText(200).default(''),
    languages: LanguagesSchema,
    defaultLanguage: LangSchema,
    axes: z.array(AxisInputSchema).max(20).refine(uniqueCodes, 'each axis code once').optional(),
  })
  .refine((s) => s.startsOn <= s.endsOn, { message: 'ends before it starts', path: ['endsOn'] })
  .refine((s) => s.languages.includes(s.defaultLanguage), { message: 'not among the languages', path: ['defaultLanguage'] });
export type CompetitionCreate = z.infer<typeof CompetitionCreateSchema>;
