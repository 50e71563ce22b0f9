/** The input and result shapes of the ranking; SPEC.md is the contract they follow. */

/** A rubric criterion; `weight` is a positive integer. */
export interface Criterion {
  id: string;
  weight: number;
}

/** An entrant and the theme axis it competes in. */
export interface Entrant {
  id: string;
  axis: string;
}

/** One juror's complete scorecard for one entrant. */
export interface Evaluation {
  juror: string;
  entrant: string;
  scores: Record<string, number>;
}

/** A juror who must not score an entrant (conflict of interest). */
export interface Recusal {
  juror: string;
  entrant: string;
}

/** How entrants' scorecards become one score. */
export type Method = 'satm' | 'mean' | 'median' | 'zscore';

/** One integer for every axis, or a per-axis map. */
export type AxisQuota = number | Record<string, number>;

/** How many entrants to select, with optional per-axis minimums and maximums. */
export interface SelectionRequest {
  count: number;
  axisMin?: AxisQuota;
  axisMax?: AxisQuota;
}

/** The input of {@link rank}, as read from JSON. */
export interface RankingInput {
  criteria: Criterion[];
  scale: { min: number; max: number };
  entrants: Entrant[];
  jurors: string[];
  evaluations: Evaluation[];
  recusals?: Recusal[];
  method?: Method;
  trim?: 'auto' | 0;
  selection?: SelectionRequest;
  chairOrder?: string[];
  report?: boolean;
}

/** Every code an invalid input can be rejected with. */
export type ErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_INPUT'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_ID'
  | 'INCOMPLETE_EVALUATION'
  | 'NOT_AN_INTEGER'
  | 'OUT_OF_SCALE'
  | 'RECUSED_BUT_SCORED'
  | 'DUPLICATE_EVALUATION'
  | 'DISCONNECTED_DESIGN'
  | 'UNSCORED_ENTRANT'
  | 'INFEASIBLE_QUOTA';

/** One problem of an invalid input; `path` is a JSON Pointer into the input. */
export interface RankingError {
  code: ErrorCode;
  message: string;
  path?: string;
  juror?: string;
  entrant?: string;
  criterion?: string;
}

/** A non-blocking warning about the data. */
export type Flag =
  | { code: 'LOW_COVERAGE'; entrant: string }
  | { code: 'NON_DISCRIMINATING_JUROR'; juror: string }
  | { code: 'OUTLIER_JUROR'; juror: string };

/** One line of the ranking; `score` and `rawMean` are exact fractions ("103/15"). */
export interface RankingRow {
  entrant: string;
  rank: number | null;
  score: string | null;
  display: string | null;
  rawMean: string | null;
  scored: number;
  trimmed: number;
  /** Extra for the UI: the entrant's theme axis. */
  axis: string;
}

/** A tie group split by one rule of the chain; `values` are the rule's keys, best first. */
export interface TieSplit {
  rule: string;
  entrants: string[];
  values: string[];
}

/** Why the selection walk passed over an entrant. */
export interface Skip {
  entrant: string;
  reason: 'axis-max' | 'reserved-for-axis-min';
}

/** The selected entrants and what the chair still has to decide. */
export interface SelectionResult {
  selected: string[];
  skipped: Skip[];
  needsChairDecision: { entrants: string[]; seats: number } | null;
  sharedPlaces: string[][];
}

/** Why a result is marked for review. */
export interface BannerReason {
  code:
    | 'LEAVE_ONE_OUT_CHANGES_SELECTION'
    | 'METHOD_CHANGES_SELECTION'
    | 'LOW_SELECTION_PROBABILITY'
    | 'SMALL_FLIP_MARGIN'
    | 'LOW_ALPHA'
    | 'PENDING_CHAIR_DECISION';
  message: string;
  juror?: string;
  entrant?: string;
  method?: Method;
}

/** The selection a re-run reached, reduced to what the report compares. */
export interface SelectionOutcome {
  selected: string[];
  needsChairDecision: { entrants: string[]; seats: number } | null;
}

/** The robustness report (statistics in float64; the official result stays exact). */
export interface RobustnessReport {
  /** The selection the report examines: the requested one, or the winner (`count: 1`). */
  count: number;
  leaveOneJurorOut: {
    juror: string;
    selection: SelectionOutcome | null;
    changed: boolean;
    note?: string;
  }[];
  bootstrap: {
    exact: boolean;
    resamples: number;
    discarded: number;
    /** Probabilities are null when every resample had to be discarded. */
    entrants: { entrant: string; pFirst: number | null; pSelected: number | null }[];
  };
  flipMargin: { juror: string; entrant: string; change: number } | null;
  alpha: number | null;
  jurors: {
    juror: string;
    offset: number | null;
    spread: number | null;
    consensus: number | null;
    flags: Flag['code'][];
  }[];
  methods: { satm: SelectionOutcome | null; mean: SelectionOutcome; median: SelectionOutcome };
  banner: 'ROBUST' | 'REVIEW';
  reasons: BannerReason[];
}

/**
 * The report as a jury reads it (never printed by the CLI): `banner` and `reasons` are the
 * report's, less what a chair's decision already settled (a tie shared in re-drawn juries, a flip
 * margin of 0 between two the chair ordered).
 */
export interface RobustnessReading {
  banner: 'ROBUST' | 'REVIEW';
  reasons: BannerReason[];
  /** Per juror whose absence changes the selection: each place (1-based) that changes, and who takes it. */
  leaveOneOut: { juror: string; changes: { place: number; official: string | null; instead: string | null }[]; tie: string[] | null }[];
  /** The first of the official order and how often it comes first in re-drawn juries (0–1). */
  winner: { entrant: string; pFirst: number } | null;
  /** The juror with the most negative offset and the one with the most positive, from half a point on 1–10. */
  harsh: string | null;
  lenient: string | null;
}

/** What {@link rank} computes: exactly the JSON the CLI prints. */
export interface RankResult {
  method: Method;
  arithmetic: 'exact' | 'float64';
  fingerprint: string;
  ranking: RankingRow[];
  ties: TieSplit[];
  selection?: SelectionResult;
  offsets: Record<string, string>;
  flags: Flag[];
  robustness?: RobustnessReport;
}

/** One scorecard as the run used it (see {@link RankDetail}); numbers are result text. */
export interface ScorecardDetail {
  juror: string;
  entrant: string;
  /** T(j,e) = Σ w·s / Σ w, an exact fraction. */
  total: string;
  /** u(j,e) = T(j,e) − b_j under SATM (a decimal in float64), the total itself under the other methods. */
  corrected: string;
  /** Whether trimming dropped this scorecard, as one of the entrant's lowest or highest. */
  trimmed: 'high' | 'low' | null;
}

/**
 * What {@link rankDetailed} adds to the result, and the CLI never prints (its output is fixed):
 * the scorecards by juror then entrant, and the seats an open tie is for (null without one).
 */
export interface RankDetail {
  scorecards: ScorecardDetail[];
  /** How many of `needsChairDecision.entrants` the quotas still let in (≤ `seats`). */
  openSeats: number | null;
  /** The tie-break rules in the order the chain tries them (`criterion:<id>`…, head-to-head, countback; chair last when given). */
  tieRules: string[];
  /** The robustness report read for the jury; null without `report`. */
  reading: RobustnessReading | null;
}

/** The outcome of {@link rankDetailed}. */
export type DetailedOutcome = { ok: true; result: RankResult; detail: RankDetail } | { ok: false; errors: RankingError[] };

/** The outcome of {@link rank}: a result, or every problem of the input. */
export type RankOutcome = { ok: true; result: RankResult } | { ok: false; errors: RankingError[] };
