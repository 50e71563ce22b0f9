import type { DeliberationRobustness } from '@palmares/contract';
import type { RobustnessReading, RobustnessReport, SelectionOutcome } from '@palmares/ranking';

const outcome = (o: SelectionOutcome | null) =>
  o ? { selectedIds: o.selected.map(Number), pendingIds: (o.needsChairDecision?.entrants ?? []).map(Number) } : null;

/**
 * The robustness report with jurors by number and entrants by id, banner and reasons as the
 * package reads them for the jury (a tie the chair settled is not flagged again). The package's
 * reason messages name jurors by id, so they are left out: the UI words each reason from its code.
 */
export function robustnessView(r: RobustnessReport, reading: RobustnessReading, numberOf: (juror: string) => number): DeliberationRobustness {
  const id = (e: string | null) => (e === null ? null : Number(e));
  return {
    banner: reading.banner,
    reasons: reading.reasons.map((x) => ({
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
    leaveOneOutChanges: reading.leaveOneOut
      .map((l) => ({
        juror: numberOf(l.juror),
        changes: l.changes.map((c) => ({ place: c.place, officialId: id(c.official), insteadId: id(c.instead) })),
        tieIds: l.tie ? l.tie.map(Number) : null,
      }))
      .sort((a, b) => a.juror - b.juror),
    winner: reading.winner ? { entrantId: Number(reading.winner.entrant), pFirst: reading.winner.pFirst } : null,
  };
}
