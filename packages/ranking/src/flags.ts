/** Warnings that never block a result but that the jury should see. */
import { consensusCorrelations } from './consensus.js';
import type { Computed } from './compute.js';
import type { Model } from './model.js';
import type { Flag } from './types.js';

/**
 * LOW_COVERAGE (fewer than 3 scorecards), NON_DISCRIMINATING_JUROR (the same total for every
 * entrant, over at least 2), OUTLIER_JUROR (negative Spearman correlation with the others'
 * consensus, over at least 3 scorecards); sorted by code then id.
 * @example
 * flagsOf(model, computed); // [{ code: 'LOW_COVERAGE', entrant: 'E7' }]
 */
export function flagsOf(model: Model, c: Computed): { flags: Flag[]; consensus: (number | null)[] } {
  const { cards, groups } = c.design;
  const out: Flag[] = [];
  model.entrants.forEach((entrant, e) => {
    if (groups.start[e + 1]! - groups.start[e]! < 3) out.push({ code: 'LOW_COVERAGE', entrant });
  });
  const first = new Float64Array(model.jurors.length).fill(Number.NaN);
  const count = new Int32Array(model.jurors.length);
  const varied = new Uint8Array(model.jurors.length);
  for (let i = 0; i < cards.length; i++) {
    const j = cards.juror[i]!;
    if (count[j]! === 0) first[j] = cards.total[i]!;
    else if (cards.total[i] !== first[j]) varied[j] = 1;
    count[j]!++;
  }
  model.jurors.forEach((juror, j) => {
    if (count[j]! >= 2 && !varied[j]) out.push({ code: 'NON_DISCRIMINATING_JUROR', juror });
  });
  // Offsets in weighted-sum units, so corrected totals compare across jurors.
  const offsets = Float64Array.from(c.run.offsetValues ?? new Float64Array(model.jurors.length), (b) => b * model.weightSum);
  const tolerance = 1e-9 * model.weightSum * (model.scale.max - model.scale.min);
  const consensus = consensusCorrelations(cards, model.jurors.length, model.entrants.length, offsets, tolerance);
  model.jurors.forEach((juror, j) => {
    const rho = consensus[j];
    if (rho !== null && rho !== undefined && rho < -1e-12) out.push({ code: 'OUTLIER_JUROR', juror });
  });
  const order = ['LOW_COVERAGE', 'NON_DISCRIMINATING_JUROR', 'OUTLIER_JUROR'];
  out.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  return { flags: out, consensus };
}
