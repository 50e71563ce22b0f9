/** The main entry: validate, compute, and write the result exactly as the CLI prints it. */
import { compute, type Computed } from './compute.js';
import { detailOf } from './detail.js';
import { modelFingerprint } from './fingerprint.js';
import { flagsOf } from './flags.js';
import { displays } from './format.js';
import { rawMeanTexts } from './methods.js';
import { robustness } from './report/report.js';
import { scoreText } from './scores.js';
import { validate } from './validate.js';
import type { Model } from './model.js';
import type { DetailedOutcome, RankingInput, RankingRow, RankOutcome, RankResult, SelectionResult } from './types.js';

function rows(model: Model, c: Computed): RankingRow[] {
  // By rank, then index: the tie sets in order, each by index, then the unscored by index.
  const order: number[] = [];
  for (const set of c.order) order.push(...(set.length > 1 ? [...set].sort((a, b) => a - b) : set));
  for (let e = 0; e < model.entrants.length; e++) if (c.rank[e] === null) order.push(e);
  const shown = displays(c.run.scores, order);
  const raw = rawMeanTexts(c.design);
  return order.map((e) => {
    const scored = c.design.groups.start[e + 1]! - c.design.groups.start[e]!;
    return {
      entrant: model.entrants[e]!,
      rank: c.rank[e] ?? null,
      score: scoreText(c.run.scores, e),
      display: shown.get(e) ?? null,
      rawMean: raw[e]!,
      scored,
      trimmed: scored > 0 ? 2 * c.k[e]! : 0,
      axis: model.axis[e]!,
    };
  });
}

function selectionOf(model: Model, c: Computed): SelectionResult {
  const w = c.walk!;
  const name = (e: number): string => model.entrants[e]!;
  const byRank = new Map<number, number[]>();
  for (const e of w.selected) byRank.set(c.rank[e]!, [...(byRank.get(c.rank[e]!) ?? []), e]);
  return {
    selected: w.selected.map(name),
    skipped: w.skipped.map((s) => ({ entrant: name(s.entrant), reason: s.reason })),
    needsChairDecision: w.pending ? { entrants: w.pending.entrants.map(name), seats: w.pending.seats } : null,
    sharedPlaces: [...byRank.values()].filter((g) => g.length > 1).map((g) => g.map(name)),
  };
}

function offsetsOf(model: Model, c: Computed): Record<string, string> {
  const offsets: Record<string, string> = {};
  for (const [j, text] of [...c.run.offsets].sort((a, b) => a[0] - b[0])) offsets[model.jurors[j]!] = text;
  return offsets;
}

/**
 * Computes the ranking of a validated model.
 * @example
 * const v = validate(input);
 * if (v.ok) rankModel(v.model).ranking[0]; // { entrant: 'A', rank: 1, score: '103/15', … }
 */
export function rankModel(model: Model): RankResult {
  return resultOf(model, officialRun(model));
}

// validate() rejects a disconnected SATM design, so the official run always exists.
const officialRun = (model: Model) => compute(model, model.cards, model.method, model.quotas, undefined, true)!;

function resultOf(model: Model, c: Computed): RankResult {
  const fingerprint = modelFingerprint(model);
  const { flags, consensus } = flagsOf(model, c);
  // Keys in the order SPEC.md shows them.
  return {
    method: model.method,
    arithmetic: c.run.scores.exact ? 'exact' : 'float64',
    fingerprint,
    ranking: rows(model, c),
    ties: c.ties,
    ...(model.quotas ? { selection: selectionOf(model, c) } : {}),
    offsets: offsetsOf(model, c),
    flags,
    ...(model.report ? { robustness: robustness(model, c, fingerprint, consensus, flags) } : {}),
  };
}

/**
 * Ranks a competition. The input is checked whole: on any problem nothing is computed and every
 * problem is returned.
 * @example
 * const out = rank({
 *   criteria: [{ id: 'overall', weight: 1 }], scale: { min: 1, max: 10 },
 *   entrants: [{ id: 'A', axis: 'x' }, { id: 'B', axis: 'x' }], jurors: ['J1'],
 *   evaluations: [
 *     { juror: 'J1', entrant: 'A', scores: { overall: 8 } },
 *     { juror: 'J1', entrant: 'B', scores: { overall: 6 } },
 *   ],
 * });
 * // out.ok && out.result.ranking.map((r) => r.entrant) → ['A', 'B']
 */
export function rank(input: RankingInput | unknown): RankOutcome {
  const v = validate(input);
  return v.ok ? { ok: true, result: rankModel(v.model) } : { ok: false, errors: v.errors };
}

/**
 * Ranks a competition as {@link rank} does, and returns with the result what its readers show
 * and the CLI does not print: every scorecard's total, corrected score and trimmed mark, and the
 * seats an open tie is really for. The result itself is the one rank() returns, byte for byte.
 * @example
 * const out = rankDetailed(input);
 * // out.ok && out.detail.scorecards[0] → { juror: 'J1', entrant: 'A', total: '8', corrected: '8', trimmed: null }
 * // out.ok && out.detail.openSeats → null (no open tie)
 */
export function rankDetailed(input: RankingInput | unknown): DetailedOutcome {
  const v = validate(input);
  if (!v.ok) return { ok: false, errors: v.errors };
  const c = officialRun(v.model);
  const result = resultOf(v.model, c);
  return { ok: true, result, detail: detailOf(v.model, c, result) };
}

/**
 * The fingerprint of a valid input (SHA-256 hex of its canonical JSON); throws on invalid input.
 * @example
 * fingerprint(input); // "9c1d…" — the same for any order of its rows
 */
export function fingerprint(input: RankingInput | unknown): string {
  const v = validate(input);
  if (!v.ok) throw new Error(`invalid input: ${v.errors.map((e) => e.code).join(', ')}`);
  return modelFingerprint(v.model);
}
