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

/** Whether this JavaScript engine knows `name` as an IANA time zone (`Africa/Casablanca`). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The event's time zone, an IANA name (`Africa/Casablanca`, `Europe/Paris`, `UTC`). */
export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((name) => /^[A-Za-z][A-Za-z0-9_+/-]*$/.test(name) && isTimeZone(name), named('time_zone', 'an IANA time zone such as Africa/Casablanca'));

/** Where the congress the product is modelled on takes place: the time zone of a competition that names none. */
export const DEFAULT_TIME_ZONE = 'Africa/Casablanca';

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
    /** Left out, the time zone stays as it is. */
    timeZone: TimeZoneSchema.optional(),
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
 * axes of the Casablanca Smart City congress; the rubric starts with the congress's six criteria
 * (scale 1–10) and the rules at their defaults (SATM, 3 awards, shortlist of 12), all ready to edit.
 * With `copyFrom` (an earlier competition this organiser runs), its rules, axes, rubric and jurors
 * instead (not its entrants, rounds or scores; each juror gets a new invitation link).
 */
export const CompetitionCreateSchema = z
  .strictObject({
    name: nameText(200),
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    venue: lineText(200).default(''),
    timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
    languages: LanguagesSchema,
    defaultLanguage: LangSchema,
    axes: z.array(AxisInputSchema).max(20).refine(uniqueCodes, named('unique_codes', 'each axis code once')).optional(),
    copyFrom: z.number().int().positive().optional(),
  })
  .refine((s) => s.startsOn <= s.endsOn, named('ends_before_start', 'ends before it starts', ['endsOn']))
  .refine((s) => s.languages.includes(s.defaultLanguage), named('not_among_languages', 'not among the languages', ['defaultLanguage']))
  .refine((s) => s.axes === undefined || s.copyFrom === undefined, named('axes_or_copy', 'axes come from the competition copied', ['axes']));
export type CompetitionCreate = z.infer<typeof CompetitionCreateSchema>;
export type CompetitionCreateInput = z.input<typeof CompetitionCreateSchema>;

/** The tablets' idle lock, in minutes: the organiser's choice, default 15 (docs/decisions/026-closing-and-idle-lock.md). */
export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 15 } as const;

/**
 * `PUT /api/competitions/:id/settings/tablets`: how the jurors' tablets behave. Not a rule of the
 * competition, so it stays editable after round 1 opens; the tablets pick it up with their state.
 */
export const TabletSettingsUpdateSchema = z.strictObject({
  idleLockMinutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max),
});
export type TabletSettingsUpdate = z.infer<typeof TabletSettingsUpdateSchema>;
