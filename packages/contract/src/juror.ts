import { z } from 'zod';
import { AxisSchema, CriterionSchema, PathIdSchema, RoundKindSchema, RoundStateSchema } from './competition.js';
import { lineText, nameText } from './text.js';
import { LangSchema } from './i18n.js';

const Id = z.number().int().positive();
const Revision = z.number().int().positive().max(2_147_483_647);
const IsoTime = z.string();

// ---------------------------------------------------------------------------------------------
// Binding a tablet, its PIN

export const PinSchema = z.string().regex(/^\d{4,6}$/, 'A PIN is 4 to 6 digits');

/**
 * The invitation link, and the juror's PIN once one of their tablets has one: without it the
 * link binds no further tablet (401 `PIN_REQUIRED`; docs/decisions/013-second-tablet-needs-the-pin.md).
 */
export const BindRequestSchema = z.object({ inviteToken: z.string().min(1).max(200), pin: PinSchema.optional() });
export type BindRequest = z.infer<typeof BindRequestSchema>;

export const JurorIdentitySchema = z.object({ id: Id, name: z.string(), isChair: z.boolean() });
export type JurorIdentity = z.infer<typeof JurorIdentitySchema>;

export const BindResponseSchema = z.object({
  /** Also set as the HttpOnly cookie `palmares_device`; scripts may send it as `Authorization: Bearer`. */
  deviceToken: z.string(),
  bindingId: Id,
  juror: JurorIdentitySchema,
  competition: z.object({ id: Id, name: z.string() }),
  /** True when bound with the juror's PIN: this tablet has it already and chooses none. */
  pinSet: z.boolean(),
});
export type BindResponse = z.infer<typeof BindResponseSchema>;

/**
 * `GET /api/juror/binding`: what a tablet may know before it has a PIN, or while it is locked (it
 * asks again to notice the organiser's reset). Every other juror route answers 403 `PIN_REQUIRED`
 * until the tablet has a PIN, and 423 `BINDING_LOCKED` while it is locked.
 */
export const JurorBindingStatusSchema = z.object({
  juror: z.object({ id: Id, name: z.string(), isChair: z.boolean() }),
  competition: z.object({ id: Id, name: z.string() }),
  binding: z.object({ id: Id, pinSet: z.boolean(), locked: z.boolean() }),
});
export type JurorBindingStatus = z.infer<typeof JurorBindingStatusSchema>;
export const PinRequestSchema = z.object({ pin: PinSchema });
export type PinRequest = z.infer<typeof PinRequestSchema>;

/**
 * How the tablet hashes the PIN for its offline check (WebCrypto PBKDF2, about 100 ms a try on a
 * tablet). The tablet draws its own 16-byte salt; the server never sees that hash.
 * @example crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: OFFLINE_PIN_KDF.iterations }, key, 256)
 */
export const OFFLINE_PIN_KDF = {
  algorithm: 'PBKDF2',
  hash: 'SHA-256',
  iterations: 210_000,
  saltBytes: 16,
  keyBits: 256,
} as const;
export const OfflinePinKdfSchema = z.object({
  algorithm: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number().int().positive(),
  saltBytes: z.number().int().positive(),
  keyBits: z.number().int().positive(),
});

export const PinSetResponseSchema = z.object({ pinSet: z.literal(true), offline: OfflinePinKdfSchema });
export type PinSetResponse = z.infer<typeof PinSetResponseSchema>;

/**
 * Online PIN policy, shared so the tablet can word its messages; `idleLockMs` is the tablet's
 * default idle time before it asks for the PIN.
 */
/**
 * How far above the highest revision the server holds for one field (a criterion's score, the
 * note, the feedback) a change may jump (decision 018). A tablet counts up by one from the highest
 * it knows, so even a day of taps offline stays far below; a revision sent far above it (2^31 − 1,
 * say) would otherwise be one no later change could ever beat, freezing the score. Refused: 400.
 */
export const MAX_REVISION_STEP = 1000;

export const PIN_POLICY = { attemptsPerWindow: 5, windowMs: 5 * 60 * 1000, lockAfter: 10, idleLockMs: 15 * 60 * 1000 } as const;

// ---------------------------------------------------------------------------------------------
// What a juror sees

export const JurorEntrantStateSchema = z.enum(['not-started', 'draft', 'submitted', 'recused']);
export type JurorEntrantState = z.infer<typeof JurorEntrantStateSchema>;

export const OwnScoreSchema = z.object({ criterion: z.string(), value: z.number().int(), revision: Revision });
export type OwnScore = z.infer<typeof OwnScoreSchema>;

/** This juror's own scorecard for one entrant; never another juror's. */
export const OwnScorecardSchema = z.object({
  status: z.enum(['draft', 'submitted', 'withdrawn']),
  scores: z.array(OwnScoreSchema),
  note: z.string(),
  noteRevision: z.number().int().nonnegative(),
  feedback: z.string(),
  feedbackRevision: z.number().int().nonnegative(),
  submittedAt: IsoTime.nullable(),
  updatedAt: IsoTime,
});
export type OwnScorecard = z.infer<typeof OwnScorecardSchema>;

export const JurorEntrantSchema = z.object({
  id: Id,
  name: z.string(),
  axisId: Id,
  founders: z.string(),
  pitch: z.string(),
  pitchPosition: z.number().int().nullable(),
  state: JurorEntrantStateSchema,
  scorecard: OwnScorecardSchema.nullable(),
});
export type JurorEntrant = z.infer<typeof JurorEntrantSchema>;

export const JurorRoundSchema = z.object({
  id: Id,
  kind: RoundKindSchema,
  state: RoundStateSchema,
  nowPitchingEntrantId: Id.nullable(),
  nowPitchingSince: IsoTime.nullable(),
  /** When the organiser announced that scoring closes (null: not announced); the tablet counts down to it. */
  closesAt: IsoTime.nullable(),
});
export type JurorRound = z.infer<typeof JurorRoundSchema>;

export const JurorProgressSchema = z.object({
  total: z.number().int().nonnegative(),
  notStarted: z.number().int().nonnegative(),
  draft: z.number().int().nonnegative(),
  submitted: z.number().int().nonnegative(),
  recused: z.number().int().nonnegative(),
});
export type JurorProgress = z.infer<typeof JurorProgressSchema>;

export const JurorStateSchema = z.object({
  juror: JurorIdentitySchema,
  binding: z.object({ id: Id, pinSet: z.boolean() }),
  competition: z.object({
    id: Id,
    name: z.string(),
    languages: z.array(LangSchema),
    defaultLanguage: LangSchema,
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    axes: z.array(AxisSchema),
    criteria: z.array(CriterionSchema),
    /** Minutes without a touch before the tablet asks for the PIN (the organiser's setting). */
    idleLockMinutes: z.number().int().positive(),
  }),
  /** The open round, else the latest closed one; null before any round opens. */
  round: JurorRoundSchema.nullable(),
  /** The round's entrants this juror is assigned to or recused from, in pitch order. */
  entrants: z.array(JurorEntrantSchema),
  progress: JurorProgressSchema,
  serverTime: IsoTime,
});
export type JurorState = z.infer<typeof JurorStateSchema>;

// ---------------------------------------------------------------------------------------------
// Changes from the tablet's outbox

/**
 * One entry of the tablet's outbox. Each (entrant, criterion | note | feedback) carries its own
 * revision, counted up by the tablet from the revision the server holds; the server keeps the
 * highest, stores a replay once, and refuses the same revision with another value (409).
 */
export const ScoreChangeSchema = z.object({
  kind: z.literal('score'),
  entrantId: Id,
  criterion: z.string().min(1).max(64),
  value: z.number().int(),
  revision: Revision,
});
export const TextChangeSchema = z.object({
  kind: z.enum(['note', 'feedback']),
  entrantId: Id,
  text: z.string().max(5000),
  revision: Revision,
});
export const ChangeSchema = z.discriminatedUnion('kind', [ScoreChangeSchema, TextChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;

export const MAX_CHANGES_PER_BATCH = 500;
export const ChangeBatchSchema = z.object({ changes: z.array(ChangeSchema).min(1).max(MAX_CHANGES_PER_BATCH) });
export type ChangeBatch = z.infer<typeof ChangeBatchSchema>;

/** What the server holds now for a field a batch touched. */
export const ServerRevisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score'), entrantId: Id, criterion: z.string(), value: z.number().int(), revision: Revision }),
  z.object({ kind: z.enum(['note', 'feedback']), entrantId: Id, text: z.string(), revision: z.number().int().nonnegative() }),
]);
export type ServerRevision = z.infer<typeof ServerRevisionSchema>;

export const ChangeBatchResponseSchema = z.object({
  /** Changes stored for the first time (a lower revision than the server's is stored but not current). */
  applied: z.number().int().nonnegative(),
  /** Replays of changes already stored, ignored. */
  duplicates: z.number().int().nonnegative(),
  serverRevisions: z.array(ServerRevisionSchema),
  receivedAt: IsoTime,
});
export type ChangeBatchResponse = z.infer<typeof ChangeBatchResponseSchema>;

export const JurorRoundParamSchema = z.object({ roundId: PathIdSchema });
export const JurorScorecardParamSchema = JurorRoundParamSchema.extend({ entrantId: PathIdSchema });

export const ScorecardStatusResponseSchema = z.object({
  roundId: Id,
  entrantId: Id,
  state: JurorEntrantStateSchema,
  submittedAt: IsoTime.nullable(),
});
export type ScorecardStatusResponse = z.infer<typeof ScorecardStatusResponseSchema>;

export const RecusalRequestSchema = z.object({ entrantId: Id, reason: z.string().trim().min(1).max(1000) });
export type RecusalRequest = z.infer<typeof RecusalRequestSchema>;

export const RecusalResponseSchema = z.object({
  entrantId: Id,
  declaredAt: IsoTime,
  /** Scorecards of open rounds withdrawn by this recusal (none when replayed). */
  withdrawnRoundIds: z.array(Id),
  alreadyDeclared: z.boolean(),
});
export type RecusalResponse = z.infer<typeof RecusalResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Live events (SSE), published on the competition's channel

export const NowPitchingEventSchema = z.object({ roundId: Id, entrantId: Id.nullable() });
export type NowPitchingEvent = z.infer<typeof NowPitchingEventSchema>;

/**
 * `round-closing`: the organiser announced that scoring of the round closes at `closesAt`; pushed
 * to every tablet and to the organiser's stream. Announced again, the latest time counts.
 */
export const RoundClosingEventSchema = z.object({ roundId: Id, closesAt: IsoTime, announcedAt: IsoTime });
export type RoundClosingEvent = z.infer<typeof RoundClosingEventSchema>;

/** `round-closed`: scoring of the round closed; a tablet reads its state again. */
export const RoundClosedEventSchema = z.object({ roundId: Id });
export type RoundClosedEvent = z.infer<typeof RoundClosedEventSchema>;

/**
 * To the juror's OTHER tablets (never the one that made the change, never another juror): one of
 * their scorecards changed on the server, from their other tablet or by the jury chair's
 * correction. It carries what the server holds now for that scorecard, so an open scorecard
 * updates without reading the whole state again; fields carry revisions, so an older event never
 * undoes a newer value.
 */
export const ScorecardEventSchema = z.object({
  roundId: Id,
  entrantId: Id,
  by: z.enum(['other-tablet', 'chair']),
  state: JurorEntrantStateSchema,
  scorecard: OwnScorecardSchema.nullable(),
});
export type ScorecardEvent = z.infer<typeof ScorecardEventSchema>;

/** For the organiser's live board; jurors' streams never carry it. */
export const ProgressEventSchema = z.object({ roundId: Id, jurorId: Id, entrantId: Id, status: JurorEntrantStateSchema });
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

/** For the organiser's live board: a juror's tablet reached the server (at most every 10 s). */
export const ContactEventSchema = z.object({ jurorId: Id, bindingId: Id, at: IsoTime });
export type ContactEvent = z.infer<typeof ContactEventSchema>;

// ---------------------------------------------------------------------------------------------
// The organiser's side: jurors and their tablets

export const CreateJurorRequestSchema = z.object({
  name: nameText(200),
  email: z.union([z.email().max(320), z.literal('')]).default(''),
  title: lineText(200).default(''),
  isChair: z.boolean().default(false),
});
export type CreateJurorRequest = z.infer<typeof CreateJurorRequestSchema>;

export const JurorAdminSchema = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  title: z.string(),
  isChair: z.boolean(),
  /** The invitation link's path, e.g. `/j/<token>`, shown as a QR code. */
  invitePath: z.string(),
  bindings: z.object({ active: z.number().int().nonnegative(), locked: z.number().int().nonnegative() }),
  lastSeenAt: IsoTime.nullable(),
  /** Scorecards the juror has started or submitted, in any round: a juror with none can be removed. */
  scorecards: z.number().int().nonnegative(),
  /** Set once replaced: the link and tablets no longer work, the submitted scorecards stay. */
  replacedAt: IsoTime.nullable(),
  replacedBy: z.object({ id: Id, name: z.string() }).nullable(),
  replaces: z.object({ id: Id, name: z.string() }).nullable(),
});
export type JurorAdmin = z.infer<typeof JurorAdminSchema>;

export const JurorListResponseSchema = z.object({ jurors: z.array(JurorAdminSchema) });
export type JurorListResponse = z.infer<typeof JurorListResponseSchema>;

/** `PATCH /api/competitions/:id/jurors/:jurorId`: only the fields given change. */
export const UpdateJurorRequestSchema = z
  .strictObject({
    name: nameText(200),
    email: z.union([z.email().max(320), z.literal('')]),
    title: lineText(200),
  })
  .partial();
export type UpdateJurorRequest = z.infer<typeof UpdateJurorRequestSchema>;

/**
 * `POST /api/competitions/:id/jurors/:jurorId/replace`: a new juror takes over what the juror has
 * not submitted yet (their scorecards stay), with a new invitation link; the reason is logged.
 */
export const ReplaceJurorRequestSchema = z.strictObject({
  name: nameText(200),
  email: z.union([z.email().max(320), z.literal('')]).default(''),
  title: lineText(200).default(''),
  reason: z.string().trim().min(3).max(1000),
});
export type ReplaceJurorRequest = z.infer<typeof ReplaceJurorRequestSchema>;

export const JurorParamSchema = z.object({
  id: PathIdSchema,
  jurorId: PathIdSchema,
});

export const BindingsChangedResponseSchema = z.object({ bindings: z.number().int().nonnegative() });
export type BindingsChangedResponse = z.infer<typeof BindingsChangedResponseSchema>;
