import { z } from 'zod';
import { PathIdSchema, RoundKindSchema, RoundStateSchema } from './competition.js';

export const CompetitionRoundParamSchema = z.object({
  id: PathIdSchema,
  roundId: PathIdSchema,
});

/** `POST /api/competitions/:id/rounds`: round 1; the final is created by confirming the shortlist. */
export const CreateRoundSchema = z.strictObject({ kind: z.literal('shortlist') });
export type CreateRound = z.infer<typeof CreateRoundSchema>;

export const RoundDetailSchema = z.object({
  id: z.number().int(),
  kind: RoundKindSchema,
  state: RoundStateSchema,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  pitchSeed: z.string().nullable(),
  nowPitching: z.object({ entrantId: z.number().int(), since: z.string().nullable() }).nullable(),
  /** When the organiser announced that scoring closes (null: not announced). */
  closesAt: z.string().nullable(),
  entrants: z.array(z.object({ id: z.number().int(), pitchPosition: z.number().int().nullable() })),
  assignmentCount: z.number().int(),
});
export type RoundDetail = z.infer<typeof RoundDetailSchema>;

export const RoundListResponseSchema = z.object({ rounds: z.array(RoundDetailSchema) });

/**
 * `PUT .../rounds/:roundId/assignments` (draft rounds only). `all`: every juror scores every entrant
 * they have no conflict with. `balanced`: each entrant gets at least `perEntrant` jurors, loads kept
 * even, conflicts honoured, and the juror–entrant graph kept connected (repaired if needed).
 * `manual`: exactly these pairs (refused if one is a conflict or the design falls apart).
 */
export const AssignmentRequestSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('all') }),
  z.strictObject({ mode: z.literal('balanced'), perEntrant: z.number().int().positive().max(100) }),
  z.strictObject({
    mode: z.literal('manual'),
    pairs: z.array(z.object({ jurorId: z.number().int().positive(), entrantId: z.number().int().positive() })).min(1).max(20_000),
  }),
]);
export type AssignmentRequest = z.infer<typeof AssignmentRequestSchema>;

export const AssignmentsResponseSchema = z.object({
  roundId: z.number().int(),
  pairs: z.array(z.object({ jurorId: z.number().int(), entrantId: z.number().int() })),
  perJuror: z.array(z.object({ jurorId: z.number().int(), count: z.number().int() })),
  perEntrant: z.array(z.object({ entrantId: z.number().int(), count: z.number().int() })),
  connected: z.boolean(),
  /** Pairs added beyond the balanced draw to join panels that never met. */
  repairs: z.number().int(),
});
export type AssignmentsResponse = z.infer<typeof AssignmentsResponseSchema>;

const ProgressCountSchema = z.object({ assigned: z.number().int(), submitted: z.number().int(), drafts: z.number().int() });

export const ProgressResponseSchema = z.object({
  roundId: z.number().int(),
  state: RoundStateSchema,
  jurors: z.array(ProgressCountSchema.extend({ jurorId: z.number().int(), name: z.string() })),
  entrants: z.array(ProgressCountSchema.extend({ entrantId: z.number().int(), name: z.string() })),
  total: ProgressCountSchema,
  complete: z.boolean(),
});
export type ProgressResponse = z.infer<typeof ProgressResponseSchema>;

/** `POST .../rounds/:roundId/close`: the reason is mandatory when scorecards are missing. */
export const CloseRoundSchema = z.strictObject({ reason: z.string().trim().min(3).max(1000).optional() });
export type CloseRound = z.infer<typeof CloseRoundSchema>;

/**
 * `POST .../rounds/:roundId/closing`: announce that scoring closes in `minutes` (open rounds only).
 * The tablets count down and ask their juror to submit complete scorecards; closing stays the
 * organiser's act (decision 026).
 */
export const CLOSING_MINUTES = { min: 1, max: 60 } as const;
export const AnnounceClosingSchema = z.strictObject({ minutes: z.number().int().min(CLOSING_MINUTES.min).max(CLOSING_MINUTES.max) });
export type AnnounceClosing = z.infer<typeof AnnounceClosingSchema>;

export const ClosingAnnouncementSchema = z.object({
  roundId: z.number().int(),
  closesAt: z.string(),
  announcedAt: z.string(),
});
export type ClosingAnnouncement = z.infer<typeof ClosingAnnouncementSchema>;

/** `POST .../rounds/:roundId/chair-decision`: the order the chair gave to a tie, and why. */
export const ChairDecisionRequestSchema = z.strictObject({
  entrantIds: z.array(z.number().int().positive()).min(2).max(1000).refine((ids) => new Set(ids).size === ids.length, 'each entrant once'),
  reason: z.string().trim().min(3).max(2000),
});
export type ChairDecisionRequest = z.infer<typeof ChairDecisionRequestSchema>;

const SkipSchema = z.object({ entrant: z.string(), reason: z.enum(['axis-max', 'reserved-for-axis-min']) });
const SelectionSchema = z.object({
  selected: z.array(z.string()),
  skipped: z.array(SkipSchema),
  needsChairDecision: z.object({ entrants: z.array(z.string()), seats: z.number().int() }).nullable(),
  sharedPlaces: z.array(z.array(z.string())),
});

/** The ranking package's result (packages/ranking/SPEC.md "The command line"); ids are entrant / juror ids as strings. */
export const RankResultSchema = z.object({
  method: z.string(),
  arithmetic: z.enum(['exact', 'float64']),
  fingerprint: z.string(),
  ranking: z.array(
    z.object({
      entrant: z.string(),
      rank: z.number().int().nullable(),
      score: z.string().nullable(),
      display: z.string().nullable(),
      rawMean: z.string().nullable(),
      scored: z.number().int(),
      trimmed: z.number().int(),
    }),
  ),
  ties: z.array(z.object({ rule: z.string(), entrants: z.array(z.string()), values: z.array(z.string()) })),
  selection: SelectionSchema.optional(),
  offsets: z.record(z.string(), z.string()),
  flags: z.array(z.object({ code: z.string() }).loose()),
});

/** Why the organiser replaced a proposed finalist (issue 16 point 4). */
export const OverrideGroundsSchema = z.enum(['withdrawal', 'eligibility', 'quota']);
export type OverrideGrounds = z.infer<typeof OverrideGroundsSchema>;

/** One proposed finalist taken out, one startup brought in, and the reason both startups read. */
export const ShortlistReplacementSchema = z.strictObject({
  removedEntrantId: z.number().int().positive(),
  addedEntrantId: z.number().int().positive(),
  grounds: OverrideGroundsSchema,
  reason: z.string().trim().min(3).max(1000),
});
export type ShortlistReplacement = z.infer<typeof ShortlistReplacementSchema>;

/**
 * `POST .../rounds/:roundId/confirm`: the proposal as it stands, or with replacements on the
 * record. No body confirms the proposal unchanged.
 */
export const ConfirmShortlistRequestSchema = z.strictObject({
  replacements: z.array(ShortlistReplacementSchema).max(100).default([]),
});
export type ConfirmShortlistRequest = z.input<typeof ConfirmShortlistRequestSchema>;

/** A replacement as recorded: who, why, by whom and when. */
export const ShortlistOverrideSchema = z.object({
  removedEntrantId: z.number().int(),
  addedEntrantId: z.number().int(),
  grounds: OverrideGroundsSchema,
  reason: z.string(),
  decidedBy: z.string(),
  createdAt: z.string(),
});
export type ShortlistOverride = z.infer<typeof ShortlistOverrideSchema>;

/** `GET .../rounds/:roundId/ranking`: the proposal, with every quota skip explained in words. */
export const RoundRankingResponseSchema = z.object({
  roundId: z.number().int(),
  state: RoundStateSchema,
  result: RankResultSchema,
  entrants: z.array(z.object({ id: z.number().int(), name: z.string(), axisCode: z.string() })),
  explanations: z.array(z.object({ entrantId: z.number().int(), reason: z.string(), message: z.string() })),
  /** How many of an open tie's entrants the quotas still let in (null: no open tie); from the ranking. */
  openSeats: z.number().int().nullable(),
  chairDecision: z
    .object({ id: z.number().int(), entrantIds: z.array(z.number().int()), reason: z.string(), decidedBy: z.string(), createdAt: z.string() })
    .nullable(),
  /** Once confirmed: the confirmed shortlist (null before), beside the proposal in `result.selection`. */
  confirmed: z.array(z.number().int()).nullable().optional(),
  /** Each difference between the proposal and the confirmed shortlist, with its reason. */
  overrides: z.array(ShortlistOverrideSchema).optional(),
});
export type RoundRankingResponse = z.infer<typeof RoundRankingResponseSchema>;

export const ConfirmShortlistResponseSchema = z.object({
  roundId: z.number().int(),
  /** The confirmed shortlist: the proposal with the replacements applied. */
  selected: z.array(z.number().int()),
  /** The ranking's proposal, as the snapshot keeps it. */
  proposed: z.array(z.number().int()).optional(),
  replacements: z.array(ShortlistOverrideSchema).optional(),
  finalRoundId: z.number().int(),
  fingerprint: z.string(),
});
export type ConfirmShortlistResponse = z.infer<typeof ConfirmShortlistResponseSchema>;

/** `PUT /api/competitions/:id/live/pitch-order`: draw at random from a recorded seed, or set by hand. */
export const PitchOrderRequestSchema = z.union([
  z.strictObject({ draw: z.literal(true) }),
  z.strictObject({
    entrantIds: z.array(z.number().int().positive()).min(1).refine((ids) => new Set(ids).size === ids.length, 'each entrant once'),
  }),
]);
export type PitchOrderRequest = z.infer<typeof PitchOrderRequestSchema>;

export const PitchOrderResponseSchema = z.object({
  roundId: z.number().int(),
  seed: z.string().nullable(),
  entrantIds: z.array(z.number().int()),
});
export type PitchOrderResponse = z.infer<typeof PitchOrderResponseSchema>;

/** `POST /api/competitions/:id/live/now-pitching`: move the cursor; `clear` pauses (nobody on stage). */
export const NowPitchingRequestSchema = z.union([
  z.strictObject({ action: z.enum(['next', 'previous', 'clear']) }),
  z.strictObject({ entrantId: z.number().int().positive() }),
]);
export type NowPitchingRequest = z.infer<typeof NowPitchingRequestSchema>;

/** The `now-pitching` live event's data, also the answer of the control. */
export const NowPitchingSchema = z.object({
  roundId: z.number().int(),
  entrantId: z.number().int().nullable(),
  since: z.string().nullable(),
});
export type NowPitching = z.infer<typeof NowPitchingSchema>;

export const BOARD_STATUSES = ['not-assigned', 'not-started', 'draft', 'submitted', 'recused'] as const;
export const BoardStatusSchema = z.enum(BOARD_STATUSES);

/** `GET /api/competitions/:id/live/board`: jurors × entrants of a round, filling in live. */
export const LiveBoardSchema = z.object({
  roundId: z.number().int(),
  state: RoundStateSchema,
  nowPitching: NowPitchingSchema,
  jurors: z.array(
    z.object({ id: z.number().int(), name: z.string(), lastSeenAt: z.string().nullable(), assigned: z.number().int(), submitted: z.number().int() }),
  ),
  entrants: z.array(z.object({ id: z.number().int(), name: z.string(), axisId: z.number().int(), pitchPosition: z.number().int().nullable() })),
  cells: z.array(z.object({ jurorId: z.number().int(), entrantId: z.number().int(), status: BoardStatusSchema })),
  /** Drafts with every criterion scored but not submitted: they will not count unless submitted. */
  completeUnsubmitted: z.array(z.object({ jurorId: z.number().int(), entrantId: z.number().int() })),
  /** When the organiser announced that scoring closes (null: not announced). */
  closesAt: z.string().nullable(),
});
export type LiveBoard = z.infer<typeof LiveBoardSchema>;

export const LiveBoardQuerySchema = z.object({ roundId: z.coerce.number().int().positive().optional() });
