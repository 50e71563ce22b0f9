/** Per-juror diagnostics: offset, spread of their totals, agreement with the others. */
import type { Design } from '../methods.js';
import type { Flag } from '../types.js';

/** One juror's diagnostics, by juror index. */
export interface JurorDiagnostics {
  offset: number | null;
  spread: number | null;
  consensus: number | null;
  flags: Flag['code'][];
}

/**
 * Offsets (scale points, null for a juror without scorecards), population standard deviation of
 * the totals, consensus correlation, and the flags raised on the juror.
 * @example
 * jurorDiagnostics(design, offsets, consensus, flags, names)[0]; // { offset: -2, spread: 1.63, … }
 */
export function jurorDiagnostics(
  d: Design, offsets: Float64Array | null, consensus: readonly (number | null)[],
  flags: readonly Flag[], names: readonly string[],
): JurorDiagnostics[] {
  const n = new Float64Array(d.jurors);
  const sum = new Float64Array(d.jurors);
  const sq = new Float64Array(d.jurors);
  for (let i = 0; i < d.cards.length; i++) {
    const j = d.cards.juror[i]!;
    const t = d.cards.total[i]! / d.weightSum;
    n[j]!++;
    sum[j]! += t;
    sq[j]! += t * t;
  }
  return names.map((name, j) => {
    const count = n[j]!;
    const mean = count > 0 ? sum[j]! / count : 0;
    return {
      offset: count > 0 && offsets ? offsets[j]! : null,
      spread: count > 0 ? Math.sqrt(Math.max(0, sq[j]! / count - mean * mean)) : null,
      consensus: consensus[j] ?? null,
      flags: flags.filter((f) => 'juror' in f && f.juror === name).map((f) => f.code),
    };
  });
}
