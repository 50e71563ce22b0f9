/**
 * What a result's readers need per scorecard and per open tie, computed by the same run that
 * ranked: the deliberation grid's totals, corrected scores and trimmed marks, the exports' totals,
 * and the seats an open tie is really for. Before this, the server and the web rebuilt these
 * from the result with rules of their own (decision 015); now there is one rule, here.
 */
import type { Computed } from './compute.js';
import { formatFloat } from './scores.js';
import { compareRational, formatRational, parseRational, ratioOfIntegers, subtractRational, type Rational } from './rational.js';
import type { Model } from './model.js';
import { robustnessReading } from './report/reading.js';
import type { RankDetail, RankResult, ScorecardDetail } from './types.js';

/** One card's corrected value, exact or float, with what orders it. */
interface Corrected {
  card: number;
  juror: number;
  exact: Rational | null;
  approx: number;
}

function compareCorrected(a: Corrected, b: Corrected): number {
  const byValue = a.exact && b.exact ? compareRational(a.exact, b.exact) : Math.sign(a.approx - b.approx);
  return byValue || a.juror - b.juror;
}

/**
 * Per-scorecard figures of a run, in the model's card order (by juror, then entrant).
 * Trimming drops the k_e lowest and k_e highest corrected scores of an entrant; of equal corrected
 * scores the one of the juror first in id order is the one marked low (and, at the top, the one
 * last in id order is marked high). Which of two equal values goes does not change the mean.
 * @example
 * scorecardDetails(model, c)[0]; // { juror: 'J1', entrant: 'A', total: '103/15', corrected: '98/15', trimmed: null }
 */
export function scorecardDetails(model: Model, c: Computed): ScorecardDetail[] {
  const { cards, groups, weightSum } = c.design;
  const satm = model.method === 'satm';
  const offsets = c.run.offsets;
  const exact = c.run.scores.exact !== null;
  const exactOffset = new Map<number, Rational>();
  if (satm && exact) for (const [j, text] of offsets) exactOffset.set(j, parseRational(text)!);
  const out: ScorecardDetail[] = [];
  const corrected: Corrected[] = [];
  for (let i = 0; i < cards.length; i++) {
    const j = cards.juror[i]!;
    const total = ratioOfIntegers(cards.total[i]!, weightSum);
    let value: Corrected = { card: i, juror: j, exact: total, approx: cards.total[i]! / weightSum };
    let text = formatRational(total);
    if (satm && exact) {
      const b = exactOffset.get(j)!;
      const u = subtractRational(total, b);
      value = { card: i, juror: j, exact: u, approx: Number.NaN };
      text = formatRational(u);
    } else if (satm) {
      const u = cards.total[i]! / weightSum - (c.run.offsetValues?.[j] ?? 0);
      value = { card: i, juror: j, exact: null, approx: u };
      text = formatFloat(u);
    }
    corrected.push(value);
    out.push({ juror: model.jurors[j]!, entrant: model.entrants[cards.entrant[i]!]!, total: formatRational(total), corrected: text, trimmed: null });
  }
  for (let e = 0; e < model.entrants.length; e++) {
    const k = c.k[e]!;
    if (k === 0) continue;
    const mine: Corrected[] = [];
    for (let x = groups.start[e]!; x < groups.start[e + 1]!; x++) mine.push(corrected[groups.card[x]!]!);
    mine.sort(compareCorrected);
    for (let x = 0; x < k; x++) out[mine[x]!.card]!.trimmed = 'low';
    for (let x = mine.length - k; x < mine.length; x++) out[mine[x]!.card]!.trimmed = 'high';
  }
  return out;
}

/**
 * The detail of a run: its scorecards, and how many of an open tie's entrants the selection can
 * still take (`needsChairDecision.seats` counts every free seat, including those an axis minimum
 * keeps and those the tied entrants' own axis cap closes to them).
 * @example
 * detailOf(model, c, result).openSeats; // 1 for two City startups tied for the last two seats, one owed to Social
 */
export function detailOf(model: Model, c: Computed, result: RankResult): RankDetail {
  return {
    scorecards: scorecardDetails(model, c),
    openSeats: c.walk?.pending?.open ?? null,
    tieRules: c.rules,
    reading: result.robustness ? robustnessReading(model, c, result.ties, result.robustness, result.selection?.selected ?? []) : null,
  };
}
