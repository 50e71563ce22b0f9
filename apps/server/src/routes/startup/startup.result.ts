import { TranslatedSchema, type DeliberationDecision, type StartupResult, type StartupRound1 } from '@palmares/contract';
import { compareRational, formatDisplay, rationalToNumber, roundRational, weightedMean, type RankResult, type Rational } from '@palmares/ranking';
import { z } from 'zod';
import { parseJsonColumn } from '../../lib/json-column.js';
import { median, readNumber, toText } from '../../results/numbers.js';
import { perCriterionScores } from '../../results/per-criterion.js';
import { placesOf } from '../../results/places.js';
import type { RoundRankingInput } from '../../results/ranking-input.js';
import { prizeRules, ruleNotes } from '../../results/rule-notes.js';
import type { ResultsSnapshot } from '@palmares/contract';
import type { startupQueries, StartupRow } from './startup.queries.js';

const LevelsSchema = z.partialRecord(z.enum(['fr', 'en', 'ar']), z.array(z.string()));
const num = (r: Rational) => ({ display: formatDisplay(toText(r)) ?? toText(r), value: rationalToNumber(r) });

function criterionView(input: RoundRankingInput, per: Map<string, Map<string, Rational>>, entrant: string, c: { code: string; weight: number; labels: string; levels: string }) {
  const scores = per.get(c.code);
  const mine = scores?.get(entrant);
  if (!scores || !mine) return null;
  const field = [...scores.values()];
  const sorted = [...field].sort((a, b) => rationalToNumber(a) - rationalToNumber(b));
  // Corrected scores can leave the scale by a little; the level named is the nearest on it.
  const level = Math.min(input.scale.max, Math.max(input.scale.min, Number(roundRational(mine, 0))));
  const levels = parseJsonColumn(LevelsSchema, c.levels);
  const descriptions = Object.fromEntries(
    Object.entries(levels).flatMap(([lang, list]) => (list?.[level - input.scale.min] ? [[lang, list[level - input.scale.min]!]] : [])),
  );
  return {
    code: c.code,
    weight: c.weight,
    labels: parseJsonColumn(TranslatedSchema, c.labels),
    score: num(mine),
    field: { min: num(sorted[0]!), median: num(median(field)), max: num(sorted[sorted.length - 1]!) },
    level: { value: level, descriptions },
  };
}

/** The tie-break splits that involved this startup, without naming or scoring the others. */
function tiesOf(result: RankResult, entrant: string): StartupResult['ties'] {
  return result.ties
    .filter((t) => t.entrants.includes(entrant))
    .map((t) => {
      const i = t.entrants.indexOf(entrant);
      const value = t.values[i] ?? '';
      const better = t.values.slice(0, i).filter((v) => v !== value).length;
      const worse = t.values.slice(i + 1).filter((v) => v !== value).length;
      const criterion = t.rule.startsWith('criterion:') ? t.rule.slice('criterion:'.length) : null;
      return {
        rule: t.rule,
        criterion,
        groupSize: t.entrants.length,
        value: criterion ? (formatDisplay(value) ?? value) : value,
        outcome: better === 0 && worse > 0 ? 'ahead' : better > 0 && worse === 0 ? 'behind' : better > 0 ? 'between' : 'level',
      };
    });
}

/**
 * Why the weighted mean of the per-criterion scores (what a founder adds up) is not the score, or
 * null when both show the same two decimals. Without trimming, the mean and SATM are weighted sums
 * criterion by criterion, so only trimming (each criterion drops its own extremes), the median
 * and the z-score can make them differ.
 */
function consistencyOf(result: RankResult, score: Rational, criteria: { weight: number; score: { exact: Rational } }[]): StartupResult['consistency'] {
  if (criteria.length === 0) return null;
  const weighted = weightedMean(criteria.map((c) => ({ weight: c.weight, value: c.score.exact })));
  if (compareRational(weighted, score) === 0 || roundRational(weighted, 2) === roundRational(score, 2)) return null;
  const reason = result.method === 'median' ? 'median' : result.method === 'zscore' ? 'zscore' : 'trim';
  return { weighted: num(weighted), reason };
}

/** The chair's written reason, when the chair's order placed this startup in a tie. */
function chairReasonOf(result: RankResult, decisions: readonly DeliberationDecision[], entrant: string): string | null {
  if (!result.ties.some((t) => t.rule === 'chair' && t.entrants.includes(entrant))) return null;
  const decision = [...decisions].reverse().find((d) => d.entrantIds.map(String).includes(entrant));
  return decision?.reason ?? null;
}

/**
 * What a startup reads of one round: its score, per-criterion scores against the field with the
 * level they reach, the jury's feedback (no juror named), the ties that concerned it with the
 * chair's reason, and whether its criterion scores add up to its score.
 */
function roundView(q: ReturnType<typeof startupQueries>, row: StartupRow, roundId: number, input: RoundRankingInput, result: RankResult, decisions: readonly DeliberationDecision[]) {
  const entrant = String(row.id);
  const rankRow = result.ranking.find((r) => r.entrant === entrant);
  if (!rankRow?.score) return null;
  const per = perCriterionScores(input);
  const jurorsIn = new Set(input.evaluations.filter((e) => e.entrant === entrant).map((e) => e.juror));
  const criteria = q.criteria(row.competition_id).flatMap((c) => criterionView(input, per, entrant, c) ?? []);
  const score = readNumber(rankRow.score);
  const exact = criteria.map((c) => ({ weight: c.weight, score: { exact: per.get(c.code)!.get(entrant)! } }));
  return {
    method: result.method,
    trim: input.trim,
    score: num(score),
    scored: rankRow.scored,
    trimmed: rankRow.trimmed,
    criteria,
    // Sorted by text, so the order says nothing about which juror wrote what.
    feedback: q
      .feedback(roundId, row.id)
      .filter((f) => jurorsIn.has(String(f.juror_id)))
      .map((f) => f.feedback.trim())
      .sort((a, b) => a.localeCompare(b)),
    ties: tiesOf(result, entrant),
    chairReason: chairReasonOf(result, decisions, entrant),
    consistency: consistencyOf(result, score, exact),
  };
}

/** A finalist's published result, read from the published snapshot only (never from live scores). */
export function startupResult(q: ReturnType<typeof startupQueries>, row: StartupRow, snapshot: ResultsSnapshot): StartupResult | null {
  const input = snapshot.input as unknown as RoundRankingInput;
  const result = snapshot.result as unknown as RankResult;
  const entrant = String(row.id);
  const places = placesOf(result, entrant, row.place_display, row.award_count);
  const view = roundView(q, row, snapshot.roundId, input, result, snapshot.chairDecisions);
  if (!view || !places) return null;
  return {
    publishedAt: snapshot.publishedAt!,
    ...view,
    ...places,
    ruleNote: ruleNoteOf(q, row, result, entrant),
    rules: prizeRules(input),
  };
}

/**
 * Round 1 for a startup not shortlisted: its place as a band of half a shortlist ("13th to 18th
 * of 24": never the exact place), and what {@link roundView} shows. Read from the shortlist's
 * confirmed result (the round is frozen once confirmed).
 */
export function startupRound1(
  q: ReturnType<typeof startupQueries>, row: StartupRow, round: { id: number; input: RoundRankingInput; result: RankResult; decisions: readonly DeliberationDecision[] },
): StartupRound1 | null {
  const entrant = String(row.id);
  const ranked = round.result.ranking.filter((r) => r.rank !== null);
  const mine = ranked.find((r) => r.entrant === entrant);
  const view = roundView(q, row, round.id, round.input, round.result, round.decisions);
  if (!mine || !view) return null;
  const place = 1 + ranked.filter((r) => r.rank! < mine.rank!).length;
  const size = round.input.selection?.count ?? row.shortlist_size;
  const width = Math.max(1, Math.ceil(size / 2));
  const from = Math.floor((place - 1) / width) * width + 1;
  return { band: { from, to: Math.min(ranked.length, from + width - 1), of: ranked.length }, shortlistSize: size, ...view };
}

/** The prize rule that acted on this startup, naming only the winners that hold its axis's cap. */
function ruleNoteOf(q: ReturnType<typeof startupQueries>, row: StartupRow, result: RankResult, entrant: string): StartupResult['ruleNote'] {
  const note = ruleNotes(result, 'final').find((n) => n.entrant === entrant);
  if (!note) return null;
  const names = note.heldBy.length > 0 ? q.names(row.competition_id) : new Map<string, string>();
  return { kind: note.kind, rule: note.rule, rank: note.rank, place: note.place, heldBy: note.heldBy.map((e) => names.get(e) ?? e) };
}
