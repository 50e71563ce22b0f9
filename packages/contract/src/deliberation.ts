import { z } from 'zod';
import { MethodSchema, PathIdSchema, RoundKindSchema, RoundStateSchema, TrimSchema } from './competition.js';
import { TranslatedSchema } from './i18n.js';
import { ResultsIntegritySchema } from './integrity.js';

/** A result number: the exact fraction ("103/15"), a display string ("6.87"), a float for charts. */
export const ShownNumberSchema = z.object({ exact: z.string(), display: z.string(), value: z.number() });
export type ShownNumber = z.infer<typeof ShownNumberSchema>;

/** `/api/competitions/:id/deliberation/:roundId` (organiser). */
export const DeliberationParamSchema = z.object({
  id: PathIdSchema,
  roundId: PathIdSchema,
});
/** `/api/chair/rounds/:roundId/...` (the chair's tablet: the competition is the chair's own). */
export const ChairRoundParamSchema = z.object({ roundId: PathIdSchema });

/** `?reveal=true` shows jurors' names; by default they are "Juror 1..n" (for the jury's screen). */
export const DeliberationQuerySchema = z.object({
  reveal: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
});
export type DeliberationQuery = z.infer<typeof DeliberationQuerySchema>;

/** A juror as the deliberation shows them: a stable number, and id and name only when revealed. */
export const DeliberationJurorSchema = z.object({
  number: z.number().int(),
  id: z.number().int().nullable(),
  name: z.string().nullable(),
  isChair: z.boolean().nullable(),
  offset: ShownNumberSchema.nullable(),
  /** Standard deviation of the juror's totals (robustness report). */
  spread: z.number().nullable(),
  consensus: z.number().nullable(),
  flags: z.array(z.string()),
  /** NON_DISCRIMINATING_JUROR, or a spread under 0.5 point (on a 1–10 scale; scaled to others). */
  barelyVaries: z.boolean(),
  /** The juror with the most negative offset (harsh) or the most positive (lenient), when it stands out. */
  severity: z.enum(['harsh', 'lenient']).nullable(),
});
export type DeliberationJuror = z.infer<typeof DeliberationJurorSchema>;

export const DeliberationCorrectionSchema = z.object({
  id: z.number().int(),
  entrantId: z.number().int(),
  /** The juror's number in the deliberation ("Juror 3"), as shown when the correction was made. */
  juror: z.number().int(),
  /** The juror's name when the correction was made; only when the names are revealed, else null. */
  jurorName: z.string().nullable(),
  criterion: z.string(),
  oldValue: z.number().int(),
  newValue: z.number().int(),
  reason: z.string(),
  createdAt: z.string(),
});
export type DeliberationCorrection = z.infer<typeof DeliberationCorrectionSchema>;

export const DeliberationScorecardSchema = z.object({
  juror: z.number().int(),
  scores: z.record(z.string(), z.number().int()),
  total: ShownNumberSchema,
  /** u = T − b_j (SATM); the total under other methods. */
  corrected: ShownNumberSchema,
  trimmed: z.enum(['high', 'low']).nullable(),
  correctedByChair: z.boolean(),
});

export const DeliberationRowSchema = z.object({
  entrantId: z.number().int(),
  name: z.string(),
  axisCode: z.string(),
  rank: z.number().int().nullable(),
  score: ShownNumberSchema.nullable(),
  rawMean: ShownNumberSchema.nullable(),
  scored: z.number().int(),
  trimmed: z.number().int(),
  selected: z.boolean(),
  scorecards: z.array(DeliberationScorecardSchema),
});
export type DeliberationRow = z.infer<typeof DeliberationRowSchema>;

/** One split of the tie log; `steps` are the adjacent pairs the rule separated, best first. */
export const DeliberationTieSchema = z.object({
  rule: z.string(),
  kind: z.enum(['criterion', 'head-to-head', 'countback', 'chair']),
  criterion: z.string().nullable(),
  entrantIds: z.array(z.number().int()),
  values: z.array(z.string()),
  steps: z.array(
    z.object({
      aheadId: z.number().int(),
      behindId: z.number().int(),
      aheadValue: z.string(),
      behindValue: z.string(),
      aheadDisplay: z.string(),
      behindDisplay: z.string(),
    }),
  ),
  /** Sub-groups this rule left tied (the next rule takes them over). */
  stillTied: z.array(z.array(z.number().int())),
});
export type DeliberationTie = z.infer<typeof DeliberationTieSchema>;

export const DeliberationSelectionSchema = z.object({
  selectedIds: z.array(z.number().int()),
  skipped: z.array(z.object({ entrantId: z.number().int(), reason: z.enum(['axis-max', 'reserved-for-axis-min']) })),
  /**
   * `seats`: every seat still free; `open`: how many of the tied the quotas still let in (the
   * seats the tie is really for), computed by the ranking (decision 015).
   */
  needsChairDecision: z.object({ entrantIds: z.array(z.number().int()), seats: z.number().int(), open: z.number().int() }).nullable(),
  sharedPlaces: z.array(z.array(z.number().int())),
});

/**
 * The round's pre-registered selection rules, as the ranking ran them (the ranking input's
 * `selection`): the shortlist's size and axis quotas, or the final's award count and per-axis cap
 * (no minimum: axisMin 0). With them a client replays the selection on an open tie (how many of the
 * tied can still be taken), which `needsChairDecision.seats`, every free seat, does not say.
 */
export const DeliberationSelectionRulesSchema = z.object({
  count: z.number().int(),
  /** At least this many from every axis among the round's entrants (0: no minimum). */
  axisMin: z.number().int(),
  /** At most this many from any one axis (null: no cap). */
  axisMax: z.number().int().nullable(),
  /** The shortlist's axes whose own quota replaces the two above (issue 16 point 6); absent when none. */
  perAxis: z.array(z.object({ axis: z.string(), min: z.number().int(), max: z.number().int().nullable() })).optional(),
});
export type DeliberationSelectionRules = z.infer<typeof DeliberationSelectionRulesSchema>;

const SelectionOutcomeSchema = z
  .object({ selectedIds: z.array(z.number().int()), pendingIds: z.array(z.number().int()) })
  .nullable();

/** The robustness report, jurors by number; reasons carry data, the UI words them. */
/**
 * The robustness report for the jury. `banner` and `reasons` are the report's, less what the
 * chair's decision on a tie already settled (the report itself, in the snapshot, keeps them).
 */
export const DeliberationRobustnessSchema = z.object({
  banner: z.enum(['ROBUST', 'REVIEW']),
  reasons: z.array(
    z.object({
      code: z.string(),
      juror: z.number().int().nullable(),
      entrantId: z.number().int().nullable(),
      method: z.string().nullable(),
    }),
  ),
  count: z.number().int(),
  alpha: z.number().nullable(),
  flipMargin: z.object({ juror: z.number().int(), entrantId: z.number().int(), change: z.number() }).nullable(),
  bootstrap: z.object({
    exact: z.boolean(),
    resamples: z.number().int(),
    discarded: z.number().int(),
    /** null when every resample was discarded. */
    entrants: z.array(z.object({ entrantId: z.number().int(), pFirst: z.number().nullable(), pSelected: z.number().nullable() })),
  }),
  leaveOneJurorOut: z.array(z.object({ juror: z.number().int(), changed: z.boolean(), outcome: SelectionOutcomeSchema })),
  methods: z.object({ satm: SelectionOutcomeSchema, mean: SelectionOutcomeSchema, median: SelectionOutcomeSchema }),
  /** Per juror whose absence changes the selection: each place (1-based) that changes and who would take it. */
  leaveOneOutChanges: z.array(
    z.object({
      juror: z.number().int(),
      changes: z.array(z.object({ place: z.number().int(), officialId: z.number().int().nullable(), insteadId: z.number().int().nullable() })),
      tieIds: z.array(z.number().int()).nullable(),
    }),
  ),
  /** The first of the official order, and how often it comes first in re-drawn juries (0–1). */
  winner: z.object({ entrantId: z.number().int(), pFirst: z.number() }).nullable(),
});
export type DeliberationRobustness = z.infer<typeof DeliberationRobustnessSchema>;

/**
 * Jurors × startups of raw totals. A startup shows disagreement when max − min of its totals is
 * more than 3 points; a cell is far from the others when the total is more than 3 points from
 * the startup's median (3 points on a 1–10 scale, scaled to the competition's range).
 * `cells` is sparse: one per scorecard or recusal; a (juror, startup) pair without one is `none`
 * (a large round has millions of pairs and a few scorecards per juror).
 */
export const DeliberationGridSchema = z.object({
  threshold: z.number(),
  cells: z.array(
    z.object({
      juror: z.number().int(),
      entrantId: z.number().int(),
      status: z.enum(['submitted', 'recused', 'none']),
      total: ShownNumberSchema.nullable(),
      farFromMedian: z.boolean(),
    }),
  ),
  entrants: z.array(
    z.object({
      entrantId: z.number().int(),
      min: ShownNumberSchema.nullable(),
      median: ShownNumberSchema.nullable(),
      max: ShownNumberSchema.nullable(),
      disagreement: z.boolean(),
    }),
  ),
});
export type DeliberationGrid = z.infer<typeof DeliberationGridSchema>;

export const DeliberationDecisionSchema = z.object({
  id: z.number().int(),
  entrantIds: z.array(z.number().int()),
  reason: z.string(),
  decidedBy: z.string(),
  createdAt: z.string(),
});
export type DeliberationDecision = z.infer<typeof DeliberationDecisionSchema>;

/**
 * Where a selection rule acted on a startup: passed over although its score placed it
 * (`skipped`: by the axis cap, held by `heldByIds` of its axis, or a seat kept for an axis
 * minimum), or selected / given a better prize because of that (`promoted`, at `place`).
 */
export const RuleNoteSchema = z.object({
  entrantId: z.number().int(),
  kind: z.enum(['skipped', 'promoted']),
  rule: z.enum(['axis-max', 'reserved-for-axis-min']),
  rank: z.number().int(),
  place: z.number().int().nullable(),
  heldByIds: z.array(z.number().int()),
});
export type RuleNote = z.infer<typeof RuleNoteSchema>;

export const DeliberationSchema = z.object({
  roundId: z.number().int(),
  kind: RoundKindSchema,
  state: RoundStateSchema,
  method: MethodSchema,
  trim: TrimSchema,
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  fingerprint: z.string(),
  revealed: z.boolean(),
  criteria: z.array(z.object({ code: z.string(), weight: z.number().int(), labels: TranslatedSchema })),
  ranking: z.array(DeliberationRowSchema),
  ties: z.array(DeliberationTieSchema),
  /** The tie-break rules in the order they are tried (`criterion:<code>`…, head-to-head, countback, chair). */
  tieRules: z.array(z.string()),
  selection: DeliberationSelectionSchema,
  selectionRules: DeliberationSelectionRulesSchema,
  jurors: z.array(DeliberationJurorSchema),
  flags: z.array(z.object({ code: z.string(), juror: z.number().int().nullable(), entrantId: z.number().int().nullable() })),
  robustness: DeliberationRobustnessSchema.nullable(),
  grid: DeliberationGridSchema,
  decisions: z.array(DeliberationDecisionSchema),
  corrections: z.array(DeliberationCorrectionSchema),
  /** Every startup a selection rule skipped or promoted, in ranking order. */
  ruleNotes: z.array(RuleNoteSchema),
  /** The stored scorecards checked against the event log on this read (decision 027). */
  integrity: ResultsIntegritySchema,
});
export type Deliberation = z.infer<typeof DeliberationSchema>;

/** `POST .../decisions`: the chair orders a tie the rules left open, with a written reason. */
export const DeliberationDecisionRequestSchema = z.strictObject({
  entrantIds: z
    .array(z.number().int().positive())
    .min(2)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, 'each entrant once'),
  reason: z.string().trim().min(3).max(2000),
});
export type DeliberationDecisionRequest = z.infer<typeof DeliberationDecisionRequestSchema>;

/** `POST .../corrections`: the chair corrects one submitted score after the close, with a reason. */
export const DeliberationCorrectionRequestSchema = z.strictObject({
  /** The juror's number in the deliberation ("Juror 3"), the same whether names are revealed or not. */
  juror: z.number().int().positive(),
  entrantId: z.number().int().positive(),
  criterion: z.string().min(1).max(100),
  value: z.number().int(),
  reason: z.string().trim().min(3).max(2000),
});
export type DeliberationCorrectionRequest = z.infer<typeof DeliberationCorrectionRequestSchema>;

/** The answer to a chair decision: the decision kept, and the selection it leads to. */
export const DeliberationDecisionResponseSchema = z.object({
  decision: DeliberationDecisionSchema,
  selection: DeliberationSelectionSchema,
});
export type DeliberationDecisionResponse = z.infer<typeof DeliberationDecisionResponseSchema>;
