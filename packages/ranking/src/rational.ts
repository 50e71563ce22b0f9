/**
 * Exact rationals on BigInt. Every decision of the official ranking (order, ties, selection) is
 * taken on these, because two entrants whose true means are both 103/15 must compare equal, which
 * float64 cannot promise.
 */

/** A reduced fraction: `d > 0`, `gcd(|n|, d) = 1`, the sign on the numerator. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * Builds the reduced fraction `n / d`.
 * @example
 * ratio(206n, -30n); // { n: -103n, d: 15n }
 */
export function ratio(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g === 1n || g === 0n ? { n, d } : { n: n / g, d: d / g };
}

/**
 * `n / d` from two safe integers, reduced in float64 arithmetic before any BigInt is made (the
 * raw means of 10,000 entrants would otherwise run 10,000 BigInt gcds).
 * @example
 * ratioOfIntegers(206, 30); // { n: 103n, d: 15n }
 */
export function ratioOfIntegers(n: number, d: number): Rational {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return ratio(BigInt(n), BigInt(d));
  if (d === 0) throw new RangeError('division by zero');
  let a = Math.abs(n);
  let b = Math.abs(d);
  while (b) [a, b] = [b, a % b];
  const g = (d < 0 ? -1 : 1) * (a || 1);
  return { n: BigInt(n / g), d: BigInt(d / g) };
}

/**
 * The text of the reduced fraction `n / d`, exactly as `formatRational(ratioOfIntegers(n, d))`
 * writes it, without making BigInts when both are safe integers (a large round writes 10,000
 * raw means).
 * @example
 * fractionText(206, 30); // "103/15"
 * fractionText(-16, 8); // "-2"
 */
export function fractionText(n: number, d: number): string {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) return formatRational(ratioOfIntegers(n, d));
  let a = Math.abs(n);
  let b = Math.abs(d);
  while (b) {
    const t = a % b;
    a = b;
    b = t;
  }
  const g = (d < 0 ? -1 : 1) * (a || 1);
  // String(-0) is "0", as BigInt(-0) would print.
  return d / g === 1 ? String(n / g) : `${n / g}/${d / g}`;
}

/**
 * Compares two rationals: negative when `a < b`, 0 when equal, positive when `a > b`.
 * @example
 * compareRational(ratio(1n, 3n), ratio(2n, 6n)); // 0
 */
export function compareRational(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * `a + b`, exactly.
 * @example
 * addRational(ratio(1n, 3n), ratio(1n, 6n)); // { n: 1n, d: 2n }
 */
export function addRational(a: Rational, b: Rational): Rational {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

/**
 * `a − b`, exactly.
 * @example
 * subtractRational(ratio(8n, 1n), ratio(1n, 8n)); // { n: 63n, d: 8n }
 */
export function subtractRational(a: Rational, b: Rational): Rational {
  return ratio(a.n * b.d - b.n * a.d, a.d * b.d);
}

/**
 * The weighted mean `Σ wᵢ·xᵢ / Σ wᵢ` of exact values with positive integer weights: a startup's
 * per-criterion scores weighted as its scorecards' totals are. Under the mean or SATM without
 * trimming it equals the entrant's score exactly; trimming per criterion drops other scorecards.
 * @example
 * weightedMean([{ weight: 2, value: ratio(8n, 1n) }, { weight: 1, value: ratio(5n, 1n) }]); // { n: 7n, d: 1n }
 */
export function weightedMean(parts: readonly { weight: number; value: Rational }[]): Rational {
  let n = 0n;
  let d = 1n;
  let w = 0n;
  for (const p of parts) {
    const wi = BigInt(p.weight);
    // n/d + wi·(pn/pd), kept reduced as it goes.
    const next = ratio(n * p.value.d + wi * p.value.n * d, d * p.value.d);
    n = next.n;
    d = next.d;
    w += wi;
  }
  if (w === 0n) throw new RangeError('weighted mean of nothing');
  return ratio(n, d * w);
}

/**
 * Reads any number a result writes: an exact fraction (`"103/15"`) or, from a float64 run, a
 * decimal (`"6.8666666667"`), read exactly as the fraction it writes; null when it is neither.
 * @example
 * parseResultNumber('6.25'); // { n: 25n, d: 4n }
 * parseResultNumber('-1/8'); // { n: -1n, d: 8n }
 */
export function parseResultNumber(text: string): Rational | null {
  const exact = parseRational(text);
  if (exact) return exact;
  const m = /^(-?)(\d+)\.(\d+)(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) return null;
  const frac = m[3]!;
  let n = BigInt(`${m[1]}${m[2]}${frac}`);
  let d = 10n ** BigInt(frac.length);
  const e = Number(m[4] ?? 0);
  if (e > 0) n *= 10n ** BigInt(e);
  if (e < 0) d *= 10n ** BigInt(-e);
  return ratio(n, d);
}

/**
 * One scorecard's total T = Σ w·s / Σ w, exactly (a missing score counts 0: only a draft lacks one).
 * @example
 * scorecardTotal([{ id: 'a', weight: 2 }, { id: 'b', weight: 1 }], { a: 7, b: 6 }); // { n: 20n, d: 3n }
 */
export function scorecardTotal(criteria: readonly { id: string; weight: number }[], scores: Readonly<Record<string, number>>): Rational {
  let sum = 0n;
  let weights = 0n;
  for (const c of criteria) {
    sum += BigInt(c.weight) * BigInt(scores[c.id] ?? 0);
    weights += BigInt(c.weight);
  }
  return ratio(sum, weights);
}

/**
 * Writes a rational the way the ranking JSON does: `"103/15"`, `"-1/8"`, `"8"`.
 * @example
 * formatRational(ratio(-2n, 16n)); // "-1/8"
 */
export function formatRational(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n.toString()}/${r.d.toString()}`;
}

/**
 * Reads `"103/15"`, `"-1/8"` or `"8"` back into a rational; `null` when the text is not one.
 * @example
 * parseRational('206/30'); // { n: 103n, d: 15n }
 */
export function parseRational(text: string): Rational | null {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(text.trim());
  if (!m || m[1] === undefined) return null;
  const d = BigInt(m[2] ?? '1');
  return d === 0n ? null : ratio(BigInt(m[1]), d);
}

/**
 * A float64 approximation, for statistics and display only.
 * @example
 * rationalToNumber(ratio(103n, 15n)); // 6.866666666666666
 */
export function rationalToNumber(r: Rational): number {
  // Scale first so that huge numerators and denominators do not overflow to Infinity / Infinity.
  const q = r.n / r.d;
  const rem = r.n - q * r.d;
  return Number(q) + Number((rem * 10n ** 18n) / r.d) / 1e18;
}

/**
 * Rounds half away from zero to `decimals` places, exactly, and writes the decimal.
 * @example
 * roundRational(ratio(103n, 15n), 2); // "6.87"
 * roundRational(ratio(-1n, 8n), 2); // "-0.13"
 */
export function roundRational(r: Rational, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const neg = r.n < 0n;
  const abs = neg ? -r.n : r.n;
  const scaled = abs * scale;
  let q = scaled / r.d;
  if ((scaled % r.d) * 2n >= r.d) q += 1n;
  let digits = q.toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return (neg && q !== 0n ? '-' : '') + digits;
}
