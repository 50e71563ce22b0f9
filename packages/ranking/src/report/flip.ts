/**
 * Flip margin: the smallest change of one juror's total, for the first or the second entrant,
 * that brings the second level with the first. Found by bisection on each candidate card within
 * the scale; the score is piecewise linear in one total.
 */
import type { Design } from '../methods.js';
import type { FloatEngine } from './engine.js';

// 2^-32 of the scale's range: finer than the 6 decimals reported.
const STEPS = 32;

/**
 * The margin, or null with fewer than two scored entrants or when no change within the scale
 * flips them.
 * @example
 * flipMargin(engine, design, 0, 1, k, { min: 1, max: 10 }, tol); // { juror: 2, entrant: 1, change: 0.75 }
 */
export function flipMargin(
  engine: FloatEngine, d: Design, first: number, second: number, k: Int32Array,
  scale: { min: number; max: number }, tolerance: number,
): { juror: number; entrant: number; change: number } | null {
  const ones = new Float64Array(d.jurors).fill(1);
  const gap = (total?: { card: number; total: number }): number => {
    const s = engine.scores(ones, k, total);
    return s ? s[second]! - s[first]! : Number.NEGATIVE_INFINITY;
  };
  if (gap() >= -tolerance) {
    const j = d.cards.juror[d.groups.card[d.groups.start[second]!]!]!;
    return { juror: j, entrant: second, change: 0 };
  }
  let best: { juror: number; entrant: number; change: number } | null = null;
  for (const [entrant, direction] of [[first, -1], [second, 1]] as const) {
    for (let x = d.groups.start[entrant]!; x < d.groups.start[entrant + 1]!; x++) {
      const card = d.groups.card[x]!;
      const T = d.cards.total[card]! / d.weightSum;
      const room = direction > 0 ? scale.max - T : T - scale.min;
      const at = (delta: number): number => gap({ card, total: (T + direction * delta) * d.weightSum });
      if (room <= 0 || at(room) < -tolerance) continue;
      let lo = 0;
      let hi = room;
      for (let step = 0; step < STEPS; step++) {
        const mid = (lo + hi) / 2;
        if (at(mid) >= -tolerance) hi = mid;
        else lo = mid;
      }
      const change = Math.round(hi * 1e6) / 1e6;
      const juror = d.cards.juror[card]!;
      if (!best || change < best.change - 1e-12) best = { juror, entrant, change };
    }
  }
  return best;
}
