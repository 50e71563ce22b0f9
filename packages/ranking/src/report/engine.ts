/**
 * A float64 re-implementation of the scoring methods on a weighted juror multiset (a bootstrap
 * resample counts a juror drawn twice twice). The report re-runs the method thousands of times;
 * exact arithmetic is kept for the official result only.
 */
import { floatOffsets } from '../offsets.js';
import { EXACT_JUROR_LIMIT, type Design } from '../methods.js';
import type { Method } from '../types.js';

/** A card whose total is replaced (flip-margin search), in weighted-sum units. */
export interface Override {
  readonly card: number;
  readonly total: number;
}

/** Scores per entrant in scale points, NaN when unscored; null when SATM cannot run. */
export type EngineScores = Float64Array | null;

/**
 * Float64 scoring on one design with juror multiplicities.
 * @example
 * const engine = new FloatEngine(design, 'satm', 'auto');
 * engine.scores(Float64Array.of(2, 1, 0)); // juror 0 drawn twice, juror 2 not at all
 */
export class FloatEngine {
  private readonly values: Float64Array;
  private warm: Float64Array | null = null;
  /** Every juror scored every scored entrant: then any non-empty resample stays connected. */
  private readonly complete: boolean;
  // Buffers reused across the thousands of re-runs (the report's cost is mostly allocation).
  private readonly matrix: Float64Array;
  private readonly itemU: Float64Array;
  private readonly itemW: Float64Array;
  private readonly parent: Int32Array;
  private readonly used: Uint8Array;

  constructor(private readonly d: Design, private readonly method: Method, private readonly trim: 'auto' | 0) {
    this.values = Float64Array.from(d.cards.total);
    const active = new Set<number>();
    let scored = 0;
    for (let i = 0; i < d.cards.length; i++) active.add(d.cards.juror[i]!);
    for (let e = 0; e < d.entrants; e++) if (d.groups.start[e + 1]! > d.groups.start[e]!) scored++;
    this.complete = d.cards.length === active.size * scored;
    this.matrix = new Float64Array(active.size > EXACT_JUROR_LIMIT ? 0 : d.jurors * (d.jurors + 1));
    let widest = 0;
    for (let e = 0; e < d.entrants; e++) widest = Math.max(widest, d.groups.start[e + 1]! - d.groups.start[e]!);
    this.itemU = new Float64Array(widest);
    this.itemW = new Float64Array(widest);
    this.parent = new Int32Array(d.jurors + d.entrants);
    this.used = new Uint8Array(d.jurors + d.entrants);
  }

  /**
   * Whether every one of `entrants` keeps a scorecard from a juror with positive weight; checked
   * before anything is solved, since sparse designs discard most resamples for this reason.
   * @example
   * engine.covers(weight, [0, 1, 2]); // false when entrant 2's jurors were all left out
   */
  covers(weight: Float64Array, entrants: readonly number[]): boolean {
    const { cards, groups } = this.d;
    for (const e of entrants) {
      let kept = false;
      for (let x = groups.start[e]!; x < groups.start[e + 1]! && !kept; x++) kept = weight[cards.juror[groups.card[x]!]!]! > 0;
      if (!kept) return false;
    }
    return true;
  }

  /** Whether every entrant with a positive weight still forms one connected panel. */
  connected(weight: Float64Array): boolean {
    if (this.complete) return weight.some((w) => w > 0);
    // Union–find over the kept scorecards, in a reused buffer: this runs once per resample.
    const { cards } = this.d;
    const J = this.d.jurors;
    const parent = this.parent;
    for (let x = 0; x < parent.length; x++) parent[x] = x;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]!]!;
        x = parent[x]!;
      }
      return x;
    };
    let roots = 0;
    const used = this.used;
    used.fill(0);
    for (let i = 0; i < cards.length; i++) {
      const j = cards.juror[i]!;
      if (weight[j]! === 0) continue;
      const e = J + cards.entrant[i]!;
      roots += (used[j] ? 0 : 1) + (used[e] ? 0 : 1);
      used[j] = 1;
      used[e] = 1;
      const a = find(j);
      const b = find(e);
      if (a !== b) {
        parent[a] = b;
        roots--;
      }
    }
    return roots <= 1;
  }

  /**
   * Offsets (scale points) for the weighted design, or null when it is disconnected.
   * @example
   * engine.offsets(ones); // Float64Array [-2, 1.875, 0.125]
   */
  offsets(weight: Float64Array, override?: Override): Float64Array | null {
    if (!this.connected(weight)) return null;
    const v = this.withOverride(override);
    const active = weight.reduce((n, w) => n + (w > 0 ? 1 : 0), 0);
    const b = active > EXACT_JUROR_LIMIT ? this.als(v, weight) : this.dense(v, weight);
    return b.map((x) => x / this.d.weightSum);
  }

  private withOverride(override?: Override): Float64Array {
    if (!override) return this.values;
    const v = Float64Array.from(this.values);
    v[override.card] = override.total;
    return v;
  }

  private als(v: Float64Array, weight: Float64Array): Float64Array {
    const b = floatOffsets(this.d.cards, v, this.d.jurors, this.d.entrants, {
      weight, start: this.warm ?? undefined, tolerance: 1e-8, groups: this.d.groups,
    });
    this.warm ??= b;
    return b;
  }

  /** Solves the weighted normal equations (L + w wᵀ) b = r by Gaussian elimination. */
  private dense(v: Float64Array, weight: Float64Array): Float64Array {
    const { cards, groups } = this.d;
    const J = this.d.jurors;
    const S = J + 1;
    const A = this.matrix;
    for (let j = 0; j < J; j++) {
      for (let k = 0; k < J; k++) A[j * S + k] = weight[j]! * weight[k]!;
      A[j * S + J] = 0;
    }
    for (let e = 0; e < this.d.entrants; e++) {
      const from = groups.start[e]!;
      const to = groups.start[e + 1]!;
      let W = 0;
      let sum = 0;
      for (let x = from; x < to; x++) {
        const i = groups.card[x]!;
        W += weight[cards.juror[i]!]!;
        sum += weight[cards.juror[i]!]! * v[i]!;
      }
      if (W === 0) continue;
      for (let x = from; x < to; x++) {
        const i = groups.card[x]!;
        const j = cards.juror[i]!;
        const wj = weight[j]!;
        if (wj === 0) continue;
        const row = j * S;
        A[row + j]! += wj;
        A[row + J]! += wj * (v[i]! - sum / W);
        for (let y = from; y < to; y++) {
          const k = cards.juror[groups.card[y]!]!;
          A[row + k]! -= (wj * weight[k]!) / W;
        }
      }
    }
    // Jurors absent from the resample keep a unit diagonal and offset 0.
    for (let j = 0; j < J; j++) if (weight[j] === 0) A[j * S + j] = 1;
    for (let k = 0; k < J; k++) {
      const pivot = A[k * S + k]!;
      for (let i = k + 1; i < J; i++) {
        const f = A[i * S + k]! / pivot;
        if (f === 0) continue;
        for (let c = k; c <= J; c++) A[i * S + c]! -= f * A[k * S + c]!;
      }
    }
    const b = new Float64Array(J);
    for (let k = J - 1; k >= 0; k--) {
      let acc = A[k * S + J]!;
      for (let c = k + 1; c < J; c++) acc -= A[k * S + c]! * b[c]!;
      b[k] = acc / A[k * S + k]!;
    }
    return b;
  }

  /**
   * Entrant scores under the engine's method; `fixedK` holds trim counts fixed (leave-one-out).
   * @example
   * engine.scores(ones); // Float64Array [7.5, 8, 6, 4]
   */
  scores(weight: Float64Array, fixedK?: Int32Array, override?: Override): EngineScores {
    const { cards, groups } = this.d;
    let b: Float64Array | null = new Float64Array(this.d.jurors);
    if (this.method === 'satm') b = this.offsets(weight, override);
    if (!b) return null;
    const v = this.withOverride(override);
    const z = this.method === 'zscore' ? this.zTransform(v) : null;
    const out = new Float64Array(this.d.entrants).fill(Number.NaN);
    const U = this.itemU;
    const Wt = this.itemW;
    const den = this.d.weightSum;
    for (let e = 0; e < this.d.entrants; e++) {
      let m = 0;
      let n = 0;
      for (let x = groups.start[e]!; x < groups.start[e + 1]!; x++) {
        const i = groups.card[x]!;
        const j = cards.juror[i]!;
        const w = weight[j]!;
        if (w === 0) continue;
        const u = z ? z[i]! : v[i]! / den - b[j]!;
        // Insertion sort: an entrant has a handful of scorecards.
        let p = m++;
        while (p > 0 && U[p - 1]! > u) {
          U[p] = U[p - 1]!;
          Wt[p] = Wt[p - 1]!;
          p--;
        }
        U[p] = u;
        Wt[p] = w;
        n += w;
      }
      if (n === 0) continue;
      if (this.method === 'zscore') {
        let sum = 0;
        for (let x = 0; x < m; x++) sum += U[x]! * Wt[x]!;
        out[e] = sum / n;
      } else if (this.method === 'median') {
        out[e] = (weightedAt(U, Wt, m, (n - 1) >> 1) + weightedAt(U, Wt, m, n >> 1)) / 2;
      } else {
        const k = fixedK ? fixedK[e]! : this.trim === 'auto' && n >= 5 ? 1 : 0;
        out[e] = trimmedMean(U, Wt, m, k, n);
      }
    }
    return out;
  }

  private zTransform(v: Float64Array): Float64Array {
    const { cards } = this.d;
    const n = new Float64Array(this.d.jurors);
    const mean = new Float64Array(this.d.jurors);
    const sq = new Float64Array(this.d.jurors);
    for (let i = 0; i < cards.length; i++) {
      n[cards.juror[i]!]!++;
      mean[cards.juror[i]!]! += v[i]!;
    }
    for (let j = 0; j < this.d.jurors; j++) mean[j] = n[j]! > 0 ? mean[j]! / n[j]! : 0;
    for (let i = 0; i < cards.length; i++) sq[cards.juror[i]!]! += (v[i]! - mean[cards.juror[i]!]!) ** 2;
    return Float64Array.from(v, (x, i) => {
      const j = cards.juror[i]!;
      const sd = Math.sqrt(sq[j]! / n[j]!);
      return sd > 0 ? (x - mean[j]!) / sd : 0;
    });
  }
}

/** The value at 0-based position `p` of the sorted multiset (value U[x] repeated W[x] times). */
function weightedAt(U: Float64Array, W: Float64Array, m: number, p: number): number {
  let seen = 0;
  for (let x = 0; x < m; x++) {
    seen += W[x]!;
    if (p < seen) return U[x]!;
  }
  return U[m - 1]!;
}

/** Mean of the sorted multiset after dropping the k lowest and k highest copies. */
function trimmedMean(U: Float64Array, W: Float64Array, m: number, k: number, n: number): number {
  let sum = 0;
  let seen = 0;
  for (let x = 0; x < m; x++) {
    const lo = Math.max(seen, k);
    const hi = Math.min(seen + W[x]!, n - k);
    if (hi > lo) sum += (hi - lo) * U[x]!;
    seen += W[x]!;
  }
  return sum / (n - 2 * k);
}
