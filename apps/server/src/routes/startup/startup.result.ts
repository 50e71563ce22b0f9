import { TranslatedSchema, type StartupResult } from '@palmares/contract';
import { formatDisplay, rationalToNumber, roundRational, type RankResult, type Rational } from '@palmares/ranking';
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

/** A finalist's published result, read from the published snapshot only (never from live scores). */
export function startupResult(q: ReturnType<typeof startupQueries>, row: StartupRow, snapshot: ResultsSnapshot): StartupResult | null {
  const input = snapshot.input as unknown as RoundRankingInput;
  const result = snapshot.result as unknown as RankResult;
  const entrant = String(row.id);
  const rankRow = result.ranking.find((r) => r.entrant === entrant);
  const places = placesOf(result, entrant, row.place_display, row.award_count);
  if (!rankRow?.score || !places) return null;
  const per = perCriterionScores(input);
  const jurorsIn = new Set(input.evaluations.filter((e) => e.entrant === entrant).map((e) => e.juror));
  return {
    publishedAt: snapshot.publishedAt!,
    method: result.method,
    trim: input.trim,
    score: num(readNumber(rankRow.score)),
    ...places,
    scored: rankRow.scored,
    trimmed: rankRow.trimmed,
    criteria: q.criteria(row.competition_id).flatMap((c) => criterionView(input, per, entrant, c) ?? []),
    // Sorted by text, so the order says nothing about which juror wrote what.
    feedback: q
      .feedback(snapshot.roundId, row.id)
      .filter((f) => jurorsIn.has(String(f.juror_id)))
      .map((f) => f.feedback.trim())
      .sort((a, b) => a.localeCompare(b)),
    ties: tiesOf(result, entrant),
    ruleNote: ruleNoteOf(q, row, result, entrant),
    rules: prizeRules(input),
  };
}

/** The prize rule that acted on this startup, naming only the winners that hold its axis's cap. */
function ruleNoteOf(q: ReturnType<typeof startupQueries>, row: StartupRow, result: RankResult, entrant: string): StartupResult['ruleNote'] {
  const note = ruleNotes(result, 'final').find((n) => n.entrant === entrant);
  if (!note) return null;
  const names = note.heldBy.length > 0 ? q.names(row.competition_id) : new Map<string, string>();
  return { kind: note.kind, rule: note.rule, rank: note.rank, place: note.place, heldBy: note.heldBy.map((e) => names.get(e) ?? e) };
}
