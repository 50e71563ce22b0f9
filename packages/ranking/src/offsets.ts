/**
 * Juror offsets b_j of the additive model T(j,e) = μ_e + b_j + ε, least squares with Σ b_j = 0.
 * Eliminating μ_e leaves the normal equations L b = r, L a graph Laplacian of the juror–entrant
 * design; it is singular along (1, …, 1), so we solve (L + 11ᵀ) b = r, whose solution has Σ b = 0
 * because 1ᵀL = 0 and 1ᵀr = 0.
 */
import type { Cards } from './model.js';

/** Offsets as B_j / D (in the units of the values), D > 0; jurors without scorecards get 0. */
export interface ExactOffsets {
  readonly B: bigint[];
  readonly D: bigint;
}

/** Card indices grouped by entrant (CSR layout), in card order within each entrant. */
export interface ByEntrant {
  readonly start: Int32Array;
  readonly card: Int32Array;
  /** The juror of each grouped card: `juror[x]` is `cards.juror[card[x]]`. */
  readonly juror: Int32Array;
}

/**
 * Groups card indices by entrant.
 * @example
 * const g = byEntrant(cards, 3); // cards of entrant e are g.card[g.start[e] .. g.start[e + 1])
 */
export function byEntrant(cards: Cards, entrants: number): ByEntrant {
  const start = new Int32Array(entrants + 1);
  for (let i = 0; i < cards.length; i++) start[cards.entrant[i]! + 1]!++;
  for (let e = 0; e < entrants; e++) start[e + 1]! += start[e]!;
  const fill = start.slice(0, entrants);
  const card = new Int32Array(cards.length);
  const juror = new Int32Array(cards.length);
  for (let i = 0; i < cards.length; i++) {
    const x = fill[cards.entrant[i]!]!++;
    card[x] = i;
    juror[x] = cards.juror[i]!;
  }
  return { start, card, juror };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Exact offsets for the values `v` (one integer per card). With every active juror scoring every
 * scored entrant, b_j is the juror's mean minus the grand mean and no system is solved; otherwise
 * the Laplacian system is solved by fraction-free Gauss–Jordan elimination (Bareiss/Montante), all
 * in BigInt, which stays exact without a gcd per step.
 * @example
 * // Juror 0 gives 6 and 8, juror 1 gives 4 and 6: offsets +1 and −1.
 * exactOffsets(cards, [6, 8, 4, 6], 2, byEntrant(cards, 2)); // { B: [4n, -4n], D: 4n }
 */
export function exactOffsets(cards: Cards, v: ArrayLike<number>, jurors: number, groups: ByEntrant): ExactOffsets {
  const count = new Int32Array(jurors);
  for (let i = 0; i < cards.length; i++) count[cards.juror[i]!]!++;
  const active: number[] = [];
  for (let j = 0; j < jurors; j++) if (count[j]! > 0) active.push(j);
  const entrants = groups.start.length - 1;
  let scored = 0;
  for (let e = 0; e < entrants; e++) if (groups.start[e + 1]! > groups.start[e]!) scored++;
  if (cards.length === active.length * scored) return completeOffsets(cards, v, count, active.length, scored);
  return solvedOffsets(cards, v, jurors, active, groups);
}

function completeOffsets(cards: Cards, v: ArrayLike<number>, count: Int32Array, J: number, E: number): ExactOffsets {
  const sum = new Array<bigint>(count.length).fill(0n);
  let all = 0n;
  for (let i = 0; i < cards.length; i++) {
    const x = BigInt(v[i]!);
    sum[cards.juror[i]!]! += x;
    all += x;
  }
  // b_j = sum_j / E − all / (E·J) = (J·sum_j − all) / (E·J)
  const B = sum.map((s, j) => (count[j]! > 0 ? BigInt(J) * s - all : 0n));
  return { B, D: BigInt(E * J) };
}

function solvedOffsets(cards: Cards, v: ArrayLike<number>, jurors: number, active: number[], g: ByEntrant): ExactOffsets {
  const J = active.length;
  const pos = new Int32Array(jurors).fill(-1);
  active.forEach((j, k) => (pos[j] = k));
  const entrants = g.start.length - 1;
  let lcm = 1;
  for (let e = 0; e < entrants; e++) {
    const n = g.start[e + 1]! - g.start[e]!;
    if (n > 0) lcm = (lcm / gcd(lcm, n)) * n;
  }
  // Scaled by M = lcm(n_e) so that every entry is an integer; the gauge row adds M·11ᵀ.
  const M = BigInt(lcm);
  const A: bigint[][] = Array.from({ length: J }, () => new Array<bigint>(J + 1).fill(M));
  for (let k = 0; k < J; k++) A[k]![J] = 0n;
  for (let e = 0; e < entrants; e++) {
    const from = g.start[e]!;
    const to = g.start[e + 1]!;
    const n = to - from;
    if (n === 0) continue;
    const share = M / BigInt(n);
    let sum = 0n;
    for (let x = from; x < to; x++) sum += BigInt(v[g.card[x]!]!);
    for (let x = from; x < to; x++) {
      const i = g.card[x]!;
      const row = A[pos[cards.juror[i]!]!]!;
      row[pos[cards.juror[i]!]!]! += M;
      row[J]! += M * BigInt(v[i]!) - share * sum;
      for (let y = from; y < to; y++) row[pos[cards.juror[g.card[y]!]!]!]! -= share;
    }
  }
  // Montante: every row but the pivot's is updated and divided exactly by the previous pivot;
  // the matrix ends as det·I and the last column as det·x. L + 11ᵀ is positive definite on a
  // connected design, so no pivot vanishes and no row exchange is needed.
  let previous = 1n;
  for (let k = 0; k < J; k++) {
    const pivotRow = A[k]!;
    const pivot = pivotRow[k]!;
    for (let i = 0; i < J; i++) {
      if (i === k) continue;
      const row = A[i]!;
      const f = row[k]!;
      for (let c = 0; c <= J; c++) row[c] = (pivot * row[c]! - f * pivotRow[c]!) / previous;
    }
    previous = pivot;
  }
  const B = new Array<bigint>(jurors).fill(0n);
  active.forEach((j, k) => (B[j] = A[k]![J]!));
  return { B, D: previous };
}

/** Options of {@link floatOffsets}. */
export interface FloatOffsetOptions {
  /** Juror multiplicities (the bootstrap); 1 each by default. */
  readonly weight?: ArrayLike<number> | undefined;
  /** A warm start for the iteration. */
  readonly start?: Float64Array | undefined;
  /** Relative residual at which the iteration stops (1e-12 by default). */
  readonly tolerance?: number;
  /** The cards grouped by entrant, when the caller has them already. */
  readonly groups?: ByEntrant;
}

/**
 * Float64 offsets for designs beyond one event (more than 50 jurors), where the exact system would
 * be too large. SPEC.md allows alternating least squares; we solve the same least-squares
 * normal equations by Jacobi-preconditioned conjugate gradients, which reach the same solution
 * (to ~1e-13 of the scale) in a few dozen passes where ALS needs hundreds. Returns b with
 * Σ w_j b_j = 0, in the units of `v`.
 * @example
 * floatOffsets(cards, [6, 8, 4, 6], 2, 2); // Float64Array [1, -1]
 */
export function floatOffsets(
  cards: Cards, v: ArrayLike<number>, jurors: number, entrants: number, options: FloatOffsetOptions = {},
): Float64Array {
  const { weight, start, tolerance = 1e-12, groups = byEntrant(cards, entrants) } = options;
  // Small module-level functions over typed arrays, not one long function with a closure: each
  // is compiled once and stays optimised (this runs thousands of times in the report, on
  // designs of 50,000 scorecards).
  const s = systemOf(cards, v, jurors, entrants, weight, groups);
  const x = start ? Float64Array.from(start) : new Float64Array(jurors);
  conjugateGradients(s, x, tolerance);
  fixGauge(s, x);
  return x;
}

/**
 * The normal equations L b = r of one design. (L x)_j = w_j Σ_{e∋j} (x_j − Σ_{k∋e} w_k x_k / W_e);
 * r_j = w_j Σ_{e∋j} (v_je − v̄_e).
 */
interface System {
  readonly jurors: number;
  readonly entrants: number;
  readonly juror: Int32Array;
  readonly entrant: Int32Array;
  /** Juror weights, the diagonal Σ w over each juror's cards, and the right-hand side. */
  readonly wj: Float64Array;
  readonly diag: Float64Array;
  readonly rhs: Float64Array;
  /** 1 / W_e (0 for an entrant without cards). */
  readonly invWe: Float64Array;
  /** Cards grouped by entrant: bounds, and the juror of each. */
  readonly bounds: Int32Array;
  readonly jurorAt: Int32Array;
  /** Scratch: each entrant's weighted mean of the vector being multiplied. */
  readonly means: Float64Array;
}

function systemOf(cards: Cards, v: ArrayLike<number>, jurors: number, entrants: number, weight: ArrayLike<number> | undefined, groups: ByEntrant): System {
  const n = cards.length;
  const juror = cards.juror;
  const entrant = cards.entrant;
  const wj = new Float64Array(jurors);
  for (let j = 0; j < jurors; j++) wj[j] = weight ? weight[j]! : 1;
  const We = new Float64Array(entrants);
  const mean = new Float64Array(entrants);
  const diag = new Float64Array(jurors);
  for (let i = 0; i < n; i++) {
    const w = wj[juror[i]!]!;
    We[entrant[i]!]! += w;
    mean[entrant[i]!]! += w * v[i]!;
    diag[juror[i]!]! += w;
  }
  for (let e = 0; e < entrants; e++) if (We[e]! > 0) mean[e] = mean[e]! / We[e]!;
  const rhs = new Float64Array(jurors);
  for (let i = 0; i < n; i++) rhs[juror[i]!]! += wj[juror[i]!]! * (v[i]! - mean[entrant[i]!]!);
  const invWe = new Float64Array(entrants);
  for (let e = 0; e < entrants; e++) invWe[e] = We[e]! > 0 ? 1 / We[e]! : 0;
  return {
    jurors, entrants, juror, entrant, wj, diag, rhs, invWe,
    bounds: groups.start, jurorAt: groups.juror, means: new Float64Array(entrants),
  };
}

/**
 * out = L · from, in two passes: each entrant's weighted mean of `from` over its jurors (cards
 * grouped by entrant, in card order), then each juror's sum over its cards (in card order, so a
 * juror's run of cards accumulates in a register). The additions happen in the same order as a
 * plain loop over the cards would do them, so the result is the same to the last bit.
 */
function laplacian(s: System, from: Float64Array, out: Float64Array): void {
  const { entrants, bounds, jurorAt, wj, invWe, means, juror, entrant } = s;
  const n = juror.length;
  for (let e = 0, at = 0; e < entrants; e++) {
    let sum = 0;
    for (const end = bounds[e + 1]!; at < end; at++) {
      const j = jurorAt[at]!;
      sum += wj[j]! * from[j]!;
    }
    means[e] = sum * invWe[e]!;
  }
  // A plain loop rather than out.fill(0), which kept sending the optimised code back.
  for (let j = 0; j < s.jurors; j++) out[j] = 0;
  for (let i = 0; i < n; ) {
    const j = juror[i]!;
    const w = wj[j]!;
    const xj = from[j]!;
    let acc = out[j]!;
    for (; i < n && juror[i] === j; i++) acc += w * (xj - means[entrant[i]!]!);
    out[j] = acc;
  }
}

/** Jacobi-preconditioned conjugate gradients on L x = r, from `x`, in place. */
function conjugateGradients(s: System, x: Float64Array, tolerance: number): void {
  const { jurors, rhs, diag, wj } = s;
  const r = new Float64Array(jurors);
  const z = new Float64Array(jurors);
  const p = new Float64Array(jurors);
  const q = new Float64Array(jurors);
  laplacian(s, x, r);
  let norm0 = 0;
  let rz = 0;
  for (let j = 0; j < jurors; j++) {
    r[j] = rhs[j]! - r[j]!;
    norm0 += rhs[j]! * rhs[j]!;
    z[j] = diag[j]! > 0 ? r[j]! / (wj[j]! * diag[j]!) : 0;
    rz += r[j]! * z[j]!;
  }
  p.set(z);
  const limit = tolerance * tolerance * norm0;
  for (let iteration = 0; iteration < Math.min(1000, 10 * jurors + 100); iteration++) {
    let rr = 0;
    for (let j = 0; j < jurors; j++) rr += r[j]! * r[j]!;
    if (rr <= limit || rr === 0) break;
    laplacian(s, p, q);
    let pq = 0;
    for (let j = 0; j < jurors; j++) pq += p[j]! * q[j]!;
    if (pq <= 0) break;
    const alpha = rz / pq;
    let next = 0;
    for (let j = 0; j < jurors; j++) {
      x[j]! += alpha * p[j]!;
      r[j]! -= alpha * q[j]!;
      z[j] = diag[j]! > 0 ? r[j]! / (wj[j]! * diag[j]!) : 0;
      next += r[j]! * z[j]!;
    }
    const beta = next / rz;
    rz = next;
    for (let j = 0; j < jurors; j++) p[j] = z[j]! + beta * p[j]!;
  }
}

/** Fixes the gauge: Σ w_j b_j = 0 over the jurors who scored; the others get 0. */
function fixGauge(s: System, x: Float64Array): void {
  const { jurors, diag, wj } = s;
  let shift = 0;
  let total = 0;
  for (let j = 0; j < jurors; j++) {
    if (diag[j]! > 0) {
      shift += wj[j]! * x[j]!;
      total += wj[j]!;
    }
  }
  for (let j = 0; j < jurors; j++) x[j] = diag[j]! > 0 ? x[j]! - shift / total : 0;
}
