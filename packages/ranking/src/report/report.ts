/**
 * The robustness report: how much the official result depends on any one juror, on the luck of
 * the draw of the jury, on a small change of one score, and on the method. Statistics are float64;
 * the official result is untouched.
 */
import { compute, type Computed } from '../compute.js';
import { filterCards, type Model } from '../model.js';
import { floatScores, headGroups, tiedGroups } from '../scores.js';
import { walk, type WalkQuotas } from '../selection.js';
import type { BannerReason, Flag, Method, RobustnessReport, SelectionOutcome } from '../types.js';
import { intervalAlpha } from './alpha.js';
import { bootstrap } from './bootstrap.js';
import { FloatEngine } from './engine.js';
import { flipMargin } from './flip.js';
import { jurorDiagnostics } from './jurors.js';

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function outcome(model: Model, c: Computed | null): SelectionOutcome | null {
  if (!c?.walk) return null;
  const name = (e: number): string => model.entrants[e]!;
  return {
    selected: c.walk.selected.map(name),
    needsChairDecision: c.walk.pending ? { entrants: c.walk.pending.entrants.map(name), seats: c.walk.pending.seats } : null,
  };
}

/** Same entrants selected and the same question for the chair; the order within is not compared. */
function same(a: SelectionOutcome | null, b: SelectionOutcome | null): boolean {
  const key = (s: SelectionOutcome | null): string =>
    JSON.stringify(s && [[...s.selected].sort(), s.needsChairDecision && [[...s.needsChairDecision.entrants].sort(), s.needsChairDecision.seats]]);
  return key(a) === key(b);
}

/** A selection walked on float scores alone (no tie-break chain), for designs beyond one event. */
function floatOutcome(model: Model, scores: Float64Array | null, quotas: WalkQuotas, tolerance: number): SelectionOutcome | null {
  if (!scores) return null;
  const scored: number[] = [];
  scores.forEach((x, e) => Number.isNaN(x) || scored.push(e));
  const ranked = floatScores(scores, tolerance);
  const axisOf = (e: number): string => model.axis[e]!;
  const head = headGroups(ranked, scored, 4 * quotas.count + 32);
  let w = walk(head.groups, axisOf, quotas);
  if (!head.complete && !w.pending && w.selected.length < quotas.count) w = walk(tiedGroups(ranked, scored), axisOf, quotas);
  const name = (e: number): string => model.entrants[e]!;
  return {
    selected: w.selected.map(name),
    needsChairDecision: w.pending ? { entrants: w.pending.entrants.map(name), seats: w.pending.seats } : null,
  };
}

/**
 * Each juror left out in turn, trim counts held fixed. Within one event the official pipeline is
 * re-run exactly (chain included); beyond (more than 50 jurors) the float engine re-solves from
 * the full solution and walks the scores alone, which keeps 1,000 re-runs affordable, and falls
 * back to the official pipeline when a tie on the last seats needs the chain.
 */
function leaveOneOut(model: Model, c: Computed, quotas: WalkQuotas, official: SelectionOutcome | null, engine: FloatEngine): RobustnessReport['leaveOneJurorOut'] {
  const weight = new Float64Array(model.jurors.length).fill(1);
  return model.jurors.map((juror, j) => {
    let selection: SelectionOutcome | null = null;
    let exact = !c.design.float;
    if (!exact) {
      weight[j] = 0;
      selection = floatOutcome(model, engine.scores(weight, c.k), quotas, c.design.tolerance);
      weight[j] = 1;
      // A tie on the last seats is what the chain exists for: settle it the official way.
      exact = selection?.needsChairDecision != null;
    }
    if (exact) {
      const cards = filterCards(model.cards, model.criteria.length, (i) => model.cards.juror[i] !== j);
      selection = outcome(model, compute(model, cards, model.method, quotas, c.k));
    }
    const row: RobustnessReport['leaveOneJurorOut'][number] = { juror, selection, changed: !same(selection, official) };
    if (!selection) row.note = 'DISCONNECTED_DESIGN';
    return row;
  });
}

function alphaOf(c: Computed): number | null {
  const { groups, cards, weightSum } = c.design;
  const units: number[][] = [];
  for (let e = 0; e < c.design.entrants; e++) {
    const u: number[] = [];
    for (let x = groups.start[e]!; x < groups.start[e + 1]!; x++) u.push(cards.total[groups.card[x]!]! / weightSum);
    units.push(u);
  }
  const a = intervalAlpha(units);
  return a === null ? null : round(a);
}

function banner(report: Omit<RobustnessReport, 'banner' | 'reasons'>, official: SelectionOutcome | null, names: readonly string[], selected: readonly number[]): BannerReason[] {
  const reasons: BannerReason[] = [];
  for (const l of report.leaveOneJurorOut) {
    if (l.changed) reasons.push({ code: 'LEAVE_ONE_OUT_CHANGES_SELECTION', message: `without ${l.juror} the selection changes`, juror: l.juror });
  }
  for (const m of ['satm', 'mean', 'median'] as const) {
    // A method that cannot run (SATM on a disconnected design) says nothing about the selection.
    if (report.methods[m] !== null && !same(report.methods[m], official)) reasons.push({ code: 'METHOD_CHANGES_SELECTION', message: `method ${m} selects differently`, method: m });
  }
  for (const e of selected) {
    const p = report.bootstrap.entrants.find((x) => x.entrant === names[e]);
    if (p && p.pSelected !== null && p.pSelected < 0.5) {
      reasons.push({ code: 'LOW_SELECTION_PROBABILITY', message: `${names[e]!} is selected in only ${Math.round(p.pSelected * 100)}% of resampled juries`, entrant: names[e]! });
    }
  }
  if (report.flipMargin && report.flipMargin.change < 1) {
    reasons.push({ code: 'SMALL_FLIP_MARGIN', message: `a change of ${report.flipMargin.change} in one total by ${report.flipMargin.juror} would level first and second`, juror: report.flipMargin.juror, entrant: report.flipMargin.entrant });
  }
  if (report.alpha !== null && report.alpha < 0.667) {
    reasons.push({ code: 'LOW_ALPHA', message: `juror agreement (Krippendorff's alpha ${report.alpha}) is below 0.667` });
  }
  if (official?.needsChairDecision) reasons.push({ code: 'PENDING_CHAIR_DECISION', message: 'a tie for the last seats awaits the chair' });
  return reasons;
}

/**
 * Builds the report for a computed result. Without a requested selection, the selection examined
 * is the winner (`count: 1`).
 * @example
 * robustness(model, computed, fingerprint, consensus, flags).banner; // "ROBUST"
 */
export function robustness(model: Model, c: Computed, fingerprint: string, consensus: (number | null)[], flags: readonly Flag[]): RobustnessReport {
  const quotas: WalkQuotas = model.quotas ?? { count: 1, min: new Map(), max: new Map() };
  const official = outcome(model, model.quotas ? c : compute(model, model.cards, model.method, quotas));
  const names = model.entrants;
  const d = c.design;
  const engine = new FloatEngine(d, model.method, model.trim);
  const active: number[] = [];
  const jurorsWithCards = new Uint8Array(d.jurors);
  for (let i = 0; i < d.cards.length; i++) jurorsWithCards[d.cards.juror[i]!] = 1;
  jurorsWithCards.forEach((x, j) => x && active.push(j));
  const scored = c.order.flat();
  const tolerance = d.tolerance;
  const boot = bootstrap(engine, active, d.jurors, d.entrants, [...scored].sort((a, b) => a - b), (e) => model.axis[e]!, quotas, tolerance, fingerprint);
  const top = c.order.flat();
  const flip = top.length >= 2 ? flipMargin(engine, d, top[0]!, top[1]!, c.k, model.scale, tolerance) : null;
  const satmEngine = model.method === 'satm' ? engine : new FloatEngine(d, 'satm', model.trim);
  const offsets = satmEngine.offsets(new Float64Array(d.jurors).fill(1));
  const methods = Object.fromEntries((['satm', 'mean', 'median'] as Method[]).map((m) => [
    m, m === model.method ? official : outcome(model, compute(model, model.cards, m, quotas)),
  ])) as RobustnessReport['methods'];
  const base: Omit<RobustnessReport, 'banner' | 'reasons'> = {
    count: quotas.count,
    leaveOneJurorOut: leaveOneOut(model, c, quotas, official, engine),
    bootstrap: {
      exact: boot.exact,
      resamples: boot.resamples,
      discarded: boot.discarded,
      entrants: scored.map((e) => ({
        entrant: names[e]!,
        pFirst: boot.resamples > 0 ? round(boot.pFirst[e]!) : null,
        pSelected: boot.resamples > 0 ? round(boot.pSelected[e]!) : null,
      })),
    },
    flipMargin: flip ? { juror: model.jurors[flip.juror]!, entrant: names[flip.entrant]!, change: flip.change } : null,
    alpha: alphaOf(c),
    jurors: jurorDiagnostics(d, offsets, consensus, flags, model.jurors).map((x, j) => ({
      juror: model.jurors[j]!,
      offset: x.offset === null ? null : round(x.offset),
      spread: x.spread === null ? null : round(x.spread),
      consensus: x.consensus === null ? null : round(x.consensus),
      flags: x.flags,
    })),
    methods,
  };
  const reasons = banner(base, official, names, official ? official.selected.map((s) => names.indexOf(s)) : []);
  return { ...base, banner: reasons.length ? 'REVIEW' : 'ROBUST', reasons };
}
