/** Seeded competitions of any size, for the benchmark and the tests of the float64 path. */
import type { Evaluation, RankingInput } from '../types.js';

/** A small seeded LCG: generated data must be the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const CRITERIA = ['innovation', 'impact', 'feasibility', 'market', 'team', 'pitch'].map((id, i) => ({ id, weight: [25, 20, 15, 15, 15, 10][i]! }));
const AXES = ['fintech', 'health', 'climate', 'edu'];

/**
 * Each entrant gets `perEntrant` scorecards from jurors spread by coprime strides (connected);
 * entrants have a quality and jurors a severity, plus noise.
 * @example
 * generate(10_000, 1_000, 5, 3); // the benchmark's large round: 50,000 scorecards
 */
export function generate(entrants: number, jurors: number, perEntrant: number, seed: number): RankingInput {
  const rnd = lcg(seed);
  const quality = Array.from({ length: entrants }, () => 3 + rnd() * 5);
  const severity = Array.from({ length: jurors }, () => (rnd() - 0.5) * 2);
  const strides = [1, 3, 7, 9, 11, 13, 17, 19, 21, 23, 27, 29, 31, 33, 37, 39, 41, 43, 47, 49, 51, 53, 57, 59, 61];
  const evaluations: Evaluation[] = [];
  for (let e = 0; e < entrants; e++) {
    const used = new Set<number>();
    for (let r = 0; r < perEntrant; r++) {
      let j = (e * strides[r % strides.length]! + Math.floor(r / strides.length) * 7 + r * 101) % jurors;
      while (used.has(j)) j = (j + 1) % jurors;
      used.add(j);
      const scores: Record<string, number> = {};
      for (const c of CRITERIA) {
        scores[c.id] = Math.max(1, Math.min(10, Math.round(quality[e]! + severity[j]! + (rnd() - 0.5) * 3)));
      }
      evaluations.push({ juror: `J${j}`, entrant: `E${e}`, scores });
    }
  }
  return {
    criteria: CRITERIA,
    scale: { min: 1, max: 10 },
    entrants: quality.map((_, e) => ({ id: `E${e}`, axis: AXES[e % AXES.length]! })),
    jurors: severity.map((_, j) => `J${j}`),
    evaluations,
  };
}
