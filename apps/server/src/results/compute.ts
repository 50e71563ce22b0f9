import { rank, rankDetailed } from '@palmares/ranking';
import type { RoundRankingInput } from './ranking-input.js';

/**
 * Runs the ranking package on input the server built itself. The server only ever feeds it
 * submitted, validated scorecards, so a validation error here is a bug, not a user mistake.
 */
export function computeRanking(input: RoundRankingInput) {
  const outcome = rank(input);
  if (!outcome.ok) throw new Error(`ranking refused the server's own input: ${JSON.stringify(outcome.errors)}`);
  return outcome.result;
}

/**
 * The result with its detail (per-scorecard totals, corrected scores, trimmed marks, an open
 * tie's seats): what the deliberation, the exports and the founders' pages read, from the same run.
 */
export function computeDetailed(input: RoundRankingInput) {
  const outcome = rankDetailed(input);
  if (!outcome.ok) throw new Error(`ranking refused the server's own input: ${JSON.stringify(outcome.errors)}`);
  return { result: outcome.result, detail: outcome.detail };
}
