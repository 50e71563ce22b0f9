/**
 * The robustness report as a jury reads it: what changes without a juror (which places, who would
 * take them), how often the winner comes first in re-drawn juries, which jurors score furthest
 * from the others, and the report's reasons less those a chair's decision already answered. The
 * report itself (the CLI's output) is left as it is.
 */
import type { Computed } from '../compute.js';
import type { Model } from '../model.js';
import type { BannerReason, RobustnessReading, RobustnessReport, TieSplit } from '../types.js';

/** A juror stands out as harsh or lenient from half a point on a 1–10 scale (scaled to others). */
const SEVERITY_ON_1_TO_10 = 0.5;

/** Entrants the chair's order placed: a tie on score the chair settled. */
function chairSettled(ties: readonly TieSplit[]): Set<string> {
  return new Set(ties.filter((t) => t.rule === 'chair').flatMap((t) => t.entrants));
}

/**
 * A settled tie is not instability: the bootstrap re-draws by score alone, so the tied share the
 * seat in it (a low probability), and two tied at the top have a flip margin of 0; the chair's
 * order answered both. What a juror's absence or another method changes is kept.
 */
function unsettled(reasons: readonly BannerReason[], settled: Set<string>, top: readonly string[]): BannerReason[] {
  return reasons.filter((r) => {
    if (r.code === 'LOW_SELECTION_PROBABILITY') return !(r.entrant !== undefined && settled.has(r.entrant));
    if (r.code === 'SMALL_FLIP_MARGIN') return !(top.length >= 2 && settled.has(top[0]!) && settled.has(top[1]!));
    return true;
  });
}

function severity(report: RobustnessReport, model: Model): { harsh: string | null; lenient: string | null } {
  const bar = (SEVERITY_ON_1_TO_10 * (model.scale.max - model.scale.min)) / 9;
  let harsh: { juror: string; offset: number } | null = null;
  let lenient: { juror: string; offset: number } | null = null;
  for (const j of report.jurors) {
    if (j.offset === null) continue;
    if (j.offset <= -bar && (!harsh || j.offset < harsh.offset)) harsh = { juror: j.juror, offset: j.offset };
    if (j.offset >= bar && (!lenient || j.offset > lenient.offset)) lenient = { juror: j.juror, offset: j.offset };
  }
  return { harsh: harsh?.juror ?? null, lenient: lenient?.juror ?? null };
}

/**
 * Reads a computed result's report for the jury.
 * @example
 * robustnessReading(model, computed, result.ties, result.robustness!, ['A', 'B', 'C']).leaveOneOut;
 * // [{ juror: 'J4', changes: [{ place: 3, official: 'C', instead: 'D' }], tie: null }]
 */
export function robustnessReading(model: Model, c: Computed, ties: readonly TieSplit[], report: RobustnessReport, selected: readonly string[]): RobustnessReading {
  const settled = chairSettled(ties);
  const top = c.order.flat().slice(0, 2).map((e) => model.entrants[e]!);
  const reasons = unsettled(report.reasons, settled, top);
  const official = selected.length > 0 ? selected : top.slice(0, 1);
  const leaveOneOut = report.leaveOneJurorOut
    .filter((l) => l.changed && l.selection)
    .map((l) => {
      const other = l.selection!.selected;
      const changes = [];
      for (let i = 0; i < Math.max(official.length, other.length); i++) {
        if (official[i] !== other[i]) changes.push({ place: i + 1, official: official[i] ?? null, instead: other[i] ?? null });
      }
      return { juror: l.juror, changes, tie: l.selection!.needsChairDecision?.entrants ?? null };
    });
  const winner = top[0];
  const pFirst = report.bootstrap.entrants.find((e) => e.entrant === winner)?.pFirst ?? null;
  return {
    banner: reasons.length > 0 ? 'REVIEW' : 'ROBUST',
    reasons,
    leaveOneOut,
    winner: winner !== undefined && pFirst !== null ? { entrant: winner, pFirst } : null,
    ...severity(report, model),
  };
}
