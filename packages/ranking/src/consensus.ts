/**
 * How one juror's order agrees with everyone else's: Spearman correlation between the juror's
 * totals and the other jurors' consensus on the same entrants (mean of their offset-corrected
 * totals). Used by the OUTLIER_JUROR flag and the report.
 */
import type { Cards } from './model.js';

/** Positions ordered by value, then position. */
function byValue(xs: ArrayLike<number>): ArrayLike<number> {
  const n = xs.length;
  if (n > 64) return Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
  // Insertion sort for the usual few dozen scorecards of a juror (a thousand jurors each flag).
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let p = i;
    while (p > 0 && xs[idx[p - 1]!]! > xs[i]!) {
      idx[p] = idx[p - 1]!;
      p--;
    }
    idx[p] = i;
  }
  return idx;
}

/** Average ranks (1-based), values within `tolerance` tied. */
function ranks(xs: ArrayLike<number>, tolerance: number): Float64Array {
  const idx = byValue(xs);
  const out = new Float64Array(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]!]! - xs[idx[j]!]! <= tolerance) j++;
    for (let x = i; x <= j; x++) out[idx[x]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/**
 * Spearman correlation (Pearson on average ranks); null without spread on either side.
 * @example
 * spearman([1, 2, 3], [30, 20, 10], 0); // -1
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number): number | null {
  const ra = ranks(a, tolerance);
  const rb = ranks(b, tolerance);
  const n = a.length;
  const mean = (n + 1) / 2;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i]! - mean) * (rb[i]! - mean);
    saa += (ra[i]! - mean) ** 2;
    sbb += (rb[i]! - mean) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : null;
}

/**
 * Per juror: Spearman correlation with the others' consensus over the entrants both sides scored
 * (at least 3 of them), else null. `offsets` are in total units (zeros when there are none).
 * @example
 * consensusCorrelations(cards, 3, 4, offsets, 1e-9)[2]; // -0.8: juror 2 ranks against the others
 */
export function consensusCorrelations(
  cards: Cards, jurors: number, entrants: number, offsets: ArrayLike<number>, tolerance: number,
): (number | null)[] {
  const sum = new Float64Array(entrants);
  const n = new Int32Array(entrants);
  for (let i = 0; i < cards.length; i++) {
    sum[cards.entrant[i]!]! += cards.total[i]! - offsets[cards.juror[i]!]!;
    n[cards.entrant[i]!]!++;
  }
  // Each juror's pairs (own total, the others' consensus) in card order, packed juror by juror.
  const start = new Int32Array(jurors + 1);
  for (let i = 0; i < cards.length; i++) if (n[cards.entrant[i]!]! >= 2) start[cards.juror[i]! + 1]!++;
  for (let j = 0; j < jurors; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, jurors);
  const mine = new Float64Array(start[jurors]!);
  const others = new Float64Array(start[jurors]!);
  for (let i = 0; i < cards.length; i++) {
    const e = cards.entrant[i]!;
    const j = cards.juror[i]!;
    if (n[e]! < 2) continue;
    const at = fill[j]!++;
    mine[at] = cards.total[i]!;
    others[at] = (sum[e]! - (cards.total[i]! - offsets[j]!)) / (n[e]! - 1);
  }
  const out: (number | null)[] = [];
  for (let j = 0; j < jurors; j++) {
    const from = start[j]!;
    const to = start[j + 1]!;
    out.push(to - from >= 3 ? spearman(mine.subarray(from, to), others.subarray(from, to), tolerance) : null);
  }
  return out;
}
