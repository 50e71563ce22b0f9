/**
 * The four scoring methods, run on one column of values per scorecard: the totals (for the
 * ranking) or one criterion's scores (for the tie-break chain, "the whole method re-run").
 */
import { floatOffsets, byEntrant, exactOffsets, type ByEntrant } from './offsets.js';
import { formatRational, fractionText, ratio, ratioOfIntegers, rationalToNumber, type Rational } from './rational.js';
import { exactScores, floatScores, formatFloat, type ScoreSet } from './scores.js';
import type { Cards, Model } from './model.js';
import type { Method } from './types.js';

/**
 * Beyond one event the offsets are solved in float64 (SPEC.md).
 * @example
 * activeJurors > EXACT_JUROR_LIMIT; // true for 51 jurors: "arithmetic": "float64"
 */
export const EXACT_JUROR_LIMIT = 50;

/** What every run of a method on one design shares. */
export interface Design {
  readonly cards: Cards;
  readonly jurors: number;
  readonly entrants: number;
  readonly groups: ByEntrant;
  readonly criteria: number;
  readonly weightSum: number;
  readonly tolerance: number;
  /** Whether SATM offsets are solved in float64. */
  readonly float: boolean;
}

/** One column of values per card, and the denominator that turns them into scale points. */
export interface Values {
  readonly v: ArrayLike<number>;
  readonly den: number;
}

/** A method's scores and, for SATM, the offsets as result text. */
export interface MethodRun {
  readonly scores: ScoreSet;
  readonly offsets: Map<number, string>;
  /** Float offsets in scale points (SATM only), for the report. */
  readonly offsetValues: Float64Array | null;
}

/**
 * Prepares a design (cards grouped by entrant, arithmetic chosen).
 * @example
 * const d = designOf(model, model.cards); // d.float === false for a 12 × 8 final
 */
export function designOf(model: Model, cards: Cards): Design {
  const active = new Set<number>();
  for (let i = 0; i < cards.length; i++) active.add(cards.juror[i]!);
  return {
    cards,
    jurors: model.jurors.length,
    entrants: model.entrants.length,
    groups: byEntrant(cards, model.entrants.length),
    criteria: model.criteria.length,
    weightSum: model.weightSum,
    tolerance: 1e-9 * (model.scale.max - model.scale.min),
    float: active.size > EXACT_JUROR_LIMIT,
  };
}

/**
 * The totals (Σ w·s over Σ w) or one criterion's scores, as values per card.
 * @example
 * valuesOf(design, null); // totals; valuesOf(design, 2) the third criterion
 */
export function valuesOf(d: Design, criterion: number | null): Values {
  if (criterion === null) return { v: d.cards.total, den: d.weightSum };
  const v = new Float64Array(d.cards.length);
  for (let i = 0; i < v.length; i++) v[i] = d.cards.scores[i * d.criteria + criterion]!;
  return { v, den: 1 };
}

/**
 * Trim counts k_e: 1 with `"auto"` when the entrant has at least 5 scorecards, else 0.
 * @example
 * trimCounts(design, 'satm', 'auto'); // Int32Array [1, 0, …]
 */
export function trimCounts(d: Design, method: Method, trim: 'auto' | 0): Int32Array {
  const k = new Int32Array(d.entrants);
  if (trim !== 'auto' || method === 'median' || method === 'zscore') return k;
  for (let e = 0; e < d.entrants; e++) k[e] = d.groups.start[e + 1]! - d.groups.start[e]! >= 5 ? 1 : 0;
  return k;
}

/**
 * Runs a method on one column of values.
 * @example
 * runMethod(design, valuesOf(design, null), 'satm', trimCounts(design, 'satm', 'auto')).scores;
 */
export function runMethod(d: Design, values: Values, method: Method, k: Int32Array): MethodRun {
  if (method === 'zscore') return { scores: zscores(d, values), offsets: new Map(), offsetValues: null };
  if (method === 'median') return { scores: medians(d, values), offsets: new Map(), offsetValues: null };
  if (method === 'mean') return { scores: trimmedMeans(d, values, k), offsets: new Map(), offsetValues: null };
  return d.float ? floatSatm(d, values, k) : exactSatm(d, values, k);
}

function forEachEntrant(d: Design, body: (e: number, from: number, to: number) => void): void {
  for (let e = 0; e < d.entrants; e++) body(e, d.groups.start[e]!, d.groups.start[e + 1]!);
}

function trimmedMeans(d: Design, { v, den }: Values, k: Int32Array): ScoreSet {
  const out: (Rational | null)[] = [];
  forEachEntrant(d, (e, from, to) => {
    if (to === from) return void out.push(null);
    const xs: number[] = [];
    for (let x = from; x < to; x++) xs.push(v[d.groups.card[x]!]!);
    xs.sort((a, b) => a - b);
    let sum = 0;
    for (let x = k[e]!; x < xs.length - k[e]!; x++) sum += xs[x]!;
    out.push(ratioOfIntegers(sum, (xs.length - 2 * k[e]!) * den));
  });
  return exactScores(out);
}

function medians(d: Design, { v, den }: Values): ScoreSet {
  const out: (Rational | null)[] = [];
  forEachEntrant(d, (_e, from, to) => {
    if (to === from) return void out.push(null);
    const xs: number[] = [];
    for (let x = from; x < to; x++) xs.push(v[d.groups.card[x]!]!);
    xs.sort((a, b) => a - b);
    const mid = xs.length >> 1;
    out.push(xs.length % 2 ? ratioOfIntegers(xs[mid]!, den) : ratioOfIntegers(xs[mid - 1]! + xs[mid]!, 2 * den));
  });
  return exactScores(out);
}

function zscores(d: Design, { v }: Values): ScoreSet {
  const n = new Float64Array(d.jurors);
  const mean = new Float64Array(d.jurors);
  const sq = new Float64Array(d.jurors);
  const { cards } = d;
  for (let i = 0; i < cards.length; i++) {
    n[cards.juror[i]!]!++;
    mean[cards.juror[i]!]! += v[i]!;
  }
  for (let j = 0; j < d.jurors; j++) if (n[j]! > 0) mean[j] = mean[j]! / n[j]!;
  for (let i = 0; i < cards.length; i++) sq[cards.juror[i]!]! += (v[i]! - mean[cards.juror[i]!]!) ** 2;
  const out = new Float64Array(d.entrants).fill(Number.NaN);
  forEachEntrant(d, (e, from, to) => {
    if (to === from) return;
    let sum = 0;
    for (let x = from; x < to; x++) {
      const i = d.groups.card[x]!;
      const j = cards.juror[i]!;
      const sd = Math.sqrt(sq[j]! / n[j]!);
      // A juror without spread says nothing about order: they contribute 0.
      sum += sd > 0 ? (v[i]! - mean[j]!) / sd : 0;
    }
    out[e] = sum / (to - from);
  });
  return floatScores(out, d.tolerance);
}

function exactSatm(d: Design, values: Values, k: Int32Array): MethodRun {
  const { B, D } = exactOffsets(d.cards, values.v, d.jurors, d.groups);
  const den = BigInt(values.den);
  const out: (Rational | null)[] = [];
  forEachEntrant(d, (e, from, to) => {
    if (to === from) return void out.push(null);
    // Corrected scores scaled by D: u·D = v·D − B_j, all integers.
    const us: bigint[] = [];
    for (let x = from; x < to; x++) {
      const i = d.groups.card[x]!;
      us.push(BigInt(values.v[i]!) * D - B[d.cards.juror[i]!]!);
    }
    us.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let sum = 0n;
    for (let x = k[e]!; x < us.length - k[e]!; x++) sum += us[x]!;
    out.push(ratio(sum, D * BigInt(us.length - 2 * k[e]!) * den));
  });
  const offsets = new Map<number, string>();
  const offsetValues = new Float64Array(d.jurors);
  for (const j of activeJurors(d)) {
    const b = ratio(B[j]!, D * den);
    offsets.set(j, formatRational(b));
    offsetValues[j] = rationalToNumber(b);
  }
  return { scores: exactScores(out), offsets, offsetValues };
}

function activeJurors(d: Design): number[] {
  const seen = new Uint8Array(d.jurors);
  for (let i = 0; i < d.cards.length; i++) seen[d.cards.juror[i]!] = 1;
  const out: number[] = [];
  seen.forEach((s, j) => s && out.push(j));
  return out;
}

function floatSatm(d: Design, values: Values, k: Int32Array): MethodRun {
  const b = floatOffsets(d.cards, values.v, d.jurors, d.entrants, { groups: d.groups });
  const out = new Float64Array(d.entrants).fill(Number.NaN);
  const { start, card } = d.groups;
  const { juror } = d.cards;
  const v = values.v;
  let widest = 0;
  for (let e = 0; e < d.entrants; e++) widest = Math.max(widest, start[e + 1]! - start[e]!);
  const us = new Float64Array(widest);
  for (let e = 0; e < d.entrants; e++) {
    const from = start[e]!;
    const n = start[e + 1]! - from;
    if (n === 0) continue;
    // Insertion sort: an entrant has a handful of scorecards (equal values are interchangeable).
    for (let x = 0; x < n; x++) {
      const i = card[from + x]!;
      const u = v[i]! - b[juror[i]!]!;
      let p = x;
      while (p > 0 && us[p - 1]! > u) {
        us[p] = us[p - 1]!;
        p--;
      }
      us[p] = u;
    }
    let sum = 0;
    for (let x = k[e]!; x < n - k[e]!; x++) sum += us[x]!;
    out[e] = sum / (n - 2 * k[e]!) / values.den;
  }
  const offsets = new Map<number, string>();
  const offsetValues = new Float64Array(d.jurors);
  for (const j of activeJurors(d)) {
    offsetValues[j] = b[j]! / values.den;
    offsets.set(j, formatFloat(offsetValues[j]!));
  }
  return { scores: floatScores(out, d.tolerance), offsets, offsetValues };
}

/**
 * Raw mean of the totals per entrant, exact whatever the method, as result text.
 * @example
 * rawMeanTexts(design)[0]; // "103/15"
 */
export function rawMeanTexts(d: Design): (string | null)[] {
  const { start, card } = d.groups;
  const total = d.cards.total;
  const out: (string | null)[] = [];
  for (let e = 0; e < d.entrants; e++) {
    const from = start[e]!;
    const to = start[e + 1]!;
    let sum = 0;
    for (let x = from; x < to; x++) sum += total[card[x]!]!;
    out.push(to === from ? null : fractionText(sum, (to - from) * d.weightSum));
  }
  return out;
}
