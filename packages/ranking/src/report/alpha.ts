/**
 * Krippendorff's alpha, interval metric, in closed form: α = 1 − D_o / D_e over the pairable
 * values (units with at least two values), D_o within units weighted by 1 / (m_u − 1), D_e over
 * all pairs of pairable values.
 */

/**
 * Alpha for units given as lists of values (one per coder who rated the unit); null when there
 * is no disagreement to measure (fewer than two pairable values, or D_e = 0).
 * @example
 * intervalAlpha([[1, 1, 1], [2, 2, 3], [3, 3, 3]]); // 0.87…
 */
export function intervalAlpha(units: readonly (readonly number[])[]): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const n = pairable.reduce((s, u) => s + u.length, 0);
  if (n < 2) return null;
  let observed = 0;
  let sum = 0;
  let sumSq = 0;
  for (const u of pairable) {
    // Σ_{i≠j} (a_i − a_j)² = 2 (m Σa² − (Σa)²)
    let s = 0;
    let sq = 0;
    for (const x of u) {
      s += x;
      sq += x * x;
    }
    observed += (2 * (u.length * sq - s * s)) / (u.length - 1);
    sum += s;
    sumSq += sq;
  }
  const expected = (2 * (n * sumSq - sum * sum)) / (n - 1);
  return expected > 0 ? 1 - observed / expected : null;
}
