/**
 * Builders for the worked examples of SPEC.md (criteria innovation 25, impact 20, feasibility
 * 15, market 15, team 15, pitch 10; scale 1–10). Used by tests and the benchmark only.
 */
import type { Evaluation, RankingInput } from '../types.js';

/**
 * The six criteria of the worked examples.
 * @example
 * CRITERIA[1]; // { id: 'impact', weight: 20 }
 */
export const CRITERIA = [
  { id: 'innovation', weight: 25 },
  { id: 'impact', weight: 20 },
  { id: 'feasibility', weight: 15 },
  { id: 'market', weight: 15 },
  { id: 'team', weight: 15 },
  { id: 'pitch', weight: 10 },
];

/**
 * A scorecard from six scores in criteria order.
 * @example
 * card('J1', 'A', [6, 6, 9, 5, 8, 8]);
 */
export function card(juror: string, entrant: string, scores: readonly number[]): Evaluation {
  return { juror, entrant, scores: Object.fromEntries(CRITERIA.map((c, i) => [c.id, scores[i]!])) };
}

/**
 * "flat v": every criterion v.
 * @example
 * flat(7); // [7, 7, 7, 7, 7, 7]
 */
export function flat(v: number): number[] {
  return CRITERIA.map(() => v);
}

/**
 * A competition on the example criteria; entrants given as id → axis.
 * @example
 * competition({ A: 'x' }, ['J1'], [card('J1', 'A', flat(7))]);
 */
export function competition(
  entrants: Record<string, string>, jurors: string[], evaluations: Evaluation[], extra: Partial<RankingInput> = {},
): RankingInput {
  return {
    criteria: CRITERIA,
    scale: { min: 1, max: 10 },
    entrants: Object.entries(entrants).map(([id, axis]) => ({ id, axis })),
    jurors,
    evaluations,
    ...extra,
  };
}

/**
 * Flat scores per entrant from jurors in order: `{ P: [9, 6, 6] }` = J1 gives 9, J2 6, J3 6.
 * @example
 * flatCards({ P: [9, 6, 6] }); // three scorecards
 */
export function flatCards(byEntrant: Record<string, (number | null)[]>, jurors = ['J1', 'J2', 'J3']): Evaluation[] {
  return Object.entries(byEntrant).flatMap(([e, vs]) =>
    vs.flatMap((v, i) => (v === null ? [] : [card(jurors[i]!, e, flat(v))])),
  );
}
