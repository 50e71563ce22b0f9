import { rank, type Rational } from '@palmares/ranking';
import { readNumber } from './numbers.js';
import type { RoundRankingInput } from './ranking-input.js';

/**
 * Each entrant's score on each criterion alone: the competition's own method re-run on that
 * criterion's scores (its own juror offsets, the same trim counts), exactly as the tie-break rule
 * `criterion:<id>` computes it. So a startup's per-criterion scores are severity-adjusted like
 * its total, and agree with any tie-break value quoted to it. Entrants nobody scored are absent.
 */
export function perCriterionScores(input: RoundRankingInput): Map<string, Map<string, Rational>> {
  const out = new Map<string, Map<string, Rational>>();
  for (const c of input.criteria) {
    const outcome = rank({
      criteria: [{ id: c.id, weight: 1 }],
      scale: input.scale,
      entrants: input.entrants,
      jurors: input.jurors,
      evaluations: input.evaluations.map((ev) => ({ juror: ev.juror, entrant: ev.entrant, scores: { [c.id]: ev.scores[c.id]! } })),
      recusals: input.recusals,
      method: input.method,
      trim: input.trim,
    });
    if (!outcome.ok) throw new Error(`per-criterion ranking refused stored input: ${JSON.stringify(outcome.errors)}`);
    const scores = new Map<string, Rational>();
    for (const row of outcome.result.ranking) if (row.score !== null) scores.set(row.entrant, readNumber(row.score));
    out.set(c.id, scores);
  }
  return out;
}
