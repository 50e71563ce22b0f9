import { z } from 'zod';
import { PathIdSchema } from './competition.js';
import { TranslatedSchema } from './i18n.js';
import { DeliberationDecisionSchema } from './deliberation.js';
import { ResultsIntegritySchema } from './integrity.js';

export const ResultsSignoffRoleSchema = z.enum(['chair', 'organiser']);

export const ResultsSignoffSchema = z.object({
  role: ResultsSignoffRoleSchema,
  /** 'juror:<id>' for the chair, 'user:<id>' for the organiser. */
  actor: z.string(),
  signedAt: z.string(),
});
export type ResultsSignoff = z.infer<typeof ResultsSignoffSchema>;

/**
 * A change logged after a snapshot was taken that makes it out of date: a chair's correction of
 * one score, or a chair's decision on a tie. Read from the event log, so who, when and why are
 * what was recorded at the time.
 */
export const ResultsLoggedChangeSchema = z.object({
  kind: z.enum(['correction', 'decision']),
  /** The event log's sequence number of the entry. */
  seq: z.number().int(),
  at: z.string(),
  byRole: ResultsSignoffRoleSchema,
  /** The name of the chair or organiser who made the change. */
  byName: z.string().nullable(),
  reason: z.string(),
  /** The corrected scorecard's startup, or the startups a decision orders. */
  entrantIds: z.array(z.number().int()),
  /** Corrections only: the juror's number in the deliberation ("Juror 3"), the criterion, both values. */
  juror: z.number().int().nullable(),
  criterion: z.string().nullable(),
  oldValue: z.number().int().nullable(),
  newValue: z.number().int().nullable(),
});
export type ResultsLoggedChange = z.infer<typeof ResultsLoggedChangeSchema>;

/**
 * A frozen result: the method, the rubric version, the chair's decisions, the fingerprint of the
 * ranking's canonical input, and the input and result themselves (packages/ranking/SPEC.md shapes).
 */
export const ResultsSnapshotSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  method: z.string(),
  rubricVersion: z.number().int(),
  fingerprint: z.string(),
  chairDecisions: z.array(DeliberationDecisionSchema),
  input: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  signoffs: z.array(ResultsSignoffSchema),
  /**
   * On the round's current snapshot as the chair and the organiser read it: null while it still
   * matches the scores and decisions, otherwise what changed since (its sign-offs no longer count,
   * and signing again takes a new snapshot). Absent where it is not checked (published pages).
   */
  stale: z.object({ changes: z.array(ResultsLoggedChangeSchema) }).nullable().optional(),
});
export type ResultsSnapshot = z.infer<typeof ResultsSnapshotSchema>;

/** `GET .../event-log/verify`: the hash chain checked end to end. */
export const ResultsEventLogCheckSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAt: z.number().int().nullable(),
});
export type ResultsEventLogCheck = z.infer<typeof ResultsEventLogCheckSchema>;

/** `GET .../verify`: the snapshot recomputed from the stored scorecards. */
export const ResultsVerifySchema = z.object({
  snapshotId: z.number().int(),
  storedFingerprint: z.string(),
  recomputedFingerprint: z.string(),
  fingerprintMatches: z.boolean(),
  resultMatches: z.boolean(),
  match: z.boolean(),
  /**
   * One verdict: `intact` (the stored scores give the snapshot's result), `stale` (they differ
   * only by the changes logged since, listed in `changes`), `tampered` (a difference the log does
   * not explain: a stored score the event log does not give, named in `integrity`; a hash chain
   * broken at `chain.brokenAt`; a snapshot whose frozen result no longer follows from its input).
   */
  verdict: z.enum(['intact', 'stale', 'tampered']),
  changes: z.array(ResultsLoggedChangeSchema),
  /** The stored scorecards against a full replay of the event log (no cache). */
  integrity: ResultsIntegritySchema,
  /** The event log's hash chain, checked end to end. */
  chain: ResultsEventLogCheckSchema,
});
export type ResultsVerify = z.infer<typeof ResultsVerifySchema>;


/** How a startup's place is shown on its page: exactly, or as a band ("top 6"). */
export const ResultsPlaceDisplaySchema = z.enum(['exact', 'band']);
export type ResultsPlaceDisplay = z.infer<typeof ResultsPlaceDisplaySchema>;

export const ResultsDisclosureSchema = z.strictObject({ placeDisplay: ResultsPlaceDisplaySchema });
export type ResultsDisclosure = z.infer<typeof ResultsDisclosureSchema>;

export const ResultsIdParamSchema = z.object({ id: PathIdSchema });
export const ResultsRoundParamSchema = z.object({
  id: PathIdSchema,
  roundId: PathIdSchema,
});

/** `GET /api/public/competitions/:id/winners`, once the results are published. */
export const ResultsWinnersSchema = z.object({
  competition: z.object({ id: z.number().int(), name: z.string(), languages: z.array(z.string()), defaultLanguage: z.string() }),
  axes: z.array(z.object({ code: z.string(), color: z.string(), labels: TranslatedSchema })),
  publishedAt: z.string(),
  /** The prize rules the ranking applied: how many prizes, at most how many per axis (null: no cap). */
  rules: z.object({ count: z.number().int(), axisMax: z.number().int().nullable() }),
  /** In prize order; an ex aequo place holds several startups. */
  places: z.array(
    z.object({
      place: z.number().int(),
      exAequo: z.boolean(),
      winners: z.array(z.object({ entrantId: z.number().int(), name: z.string(), axisCode: z.string() })),
    }),
  ),
});
export type ResultsWinners = z.infer<typeof ResultsWinnersSchema>;

/** `GET /api/competitions/:id/exports/{scorecards,results}.csv?lang=fr&round=final`: decimal commas in French. */
export const ResultsExportQuerySchema = z.object({
  lang: z.enum(['fr', 'en', 'ar']).optional(),
  round: z.enum(['shortlist', 'final']).optional(),
});
export type ResultsExportQuery = z.infer<typeof ResultsExportQuerySchema>;
