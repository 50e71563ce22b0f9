import type { DeliberationRobustness } from '@palmares/contract';
import type { RobustnessReport, SelectionOutcome } from '@palmares/ranking';

const outcome = (o: SelectionOutcome | null) =>
  o ? { selectedIds: o.selected.map(Number), pendingIds: (o.needsChairDecision?.entrants ?? []).map(Number) } : null;

/**
 * The robustness report with jurors by number and entrants by id. The package's reason messages
 * name jurors by id, so they are left out: the UI words each reason from its code and data.
 */
export function robustnessView(r: RobustnessReport, numberOf: (juror: string) => number): DeliberationRobustness {
  return {
    banner: r.banner,
    reasons: r.reasons.map((x) => ({
      code: x.code,
      juror: x.juror ? numberOf(x.juror) : null,
      entrantId: x.entrant ? Number(x.entrant) : null,
      method: x.method ?? null,
    })),
    count: r.count,
    alpha: r.alpha,
    flipMargin: r.flipMargin ? { juror: numberOf(r.flipMargin.juror), entrantId: Number(r.flipMargin.entrant), change: r.flipMargin.change } : null,
    bootstrap: {
      exact: r.bootstrap.exact,
      resamples: r.bootstrap.resamples,
      discarded: r.bootstrap.discarded,
      entrants: r.bootstrap.entrants.map((e) => ({ entrantId: Number(e.entrant), pFirst: e.pFirst, pSelected: e.pSelected })),
    },
    leaveOneJurorOut: r.leaveOneJurorOut
      .map((l) => ({ juror: numberOf(l.juror), changed: l.changed, outcome: outcome(l.selection) }))
      .sort((a, b) => a.juror - b.juror),
    methods: { satm: outcome(r.methods.satm), mean: outcome(r.methods.mean), median: outcome(r.methods.median) },
  };
}
