/**
 * Displayed decimals. The official score is a fraction; people read decimals, so `display`
 * rounds half away from zero to two places and adds places only where two different scores
 * would otherwise look the same.
 */
import { parseRational, roundRational, type Rational } from './rational.js';
import { hasScore, sameScore, type ScoreSet } from './scores.js';

const MAX_DECIMALS = 40;

function rounded(s: ScoreSet, e: number, decimals: number): string {
  if (s.exact) return roundRational(s.exact[e]!, decimals);
  const x = s.approx[e]!;
  // toFixed rounds the exact binary value half up on its magnitude: half away from zero.
  const text = x.toFixed(Math.min(decimals, 100));
  return text.charCodeAt(0) === 45 && Number(text) === 0 ? text.slice(1) : text;
}

/**
 * Display strings for entrants listed in ranking order: two decimals, more where neighbours
 * with different scores would otherwise read the same.
 * @example
 * displays(scores, [0, 1]); // ["6.8667", "6.8666"] when 0 scores 103/15 and 1 scores 6.8666
 */
export function displays(s: ScoreSet, ordered: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  const two = ordered.map((e) => (hasScore(s, e) ? rounded(s, e, 2) : null));
  ordered.forEach((e, i) => two[i] !== null && out.set(e, two[i]!));
  // A string at d decimals, computed once per entrant: `memo[d - 3]`.
  const at = (memo: string[], e: number, d: number): string => (memo[d - 3] ??= rounded(s, e, d));
  // Each entrant meets two neighbours; what was computed for it against its left neighbour is
  // kept for its right one (a large round has thousands of neighbours equal to two decimals).
  let memoA: string[] = [];
  let memoB: string[] = [];
  for (let i = 0; i + 1 < ordered.length; i++) {
    const a = ordered[i]!;
    const b = ordered[i + 1]!;
    const swap = memoA;
    memoA = memoB;
    memoB = swap;
    memoB.length = 0;
    if (two[i] === null || two[i + 1] === null || two[i] !== two[i + 1] || sameScore(s, a, b)) continue;
    let d = 3;
    while (d < MAX_DECIMALS && at(memoA, a, d) === at(memoB, b, d)) d++;
    if (out.get(a)!.length < at(memoA, a, d).length) out.set(a, at(memoA, a, d));
    if (out.get(b)!.length < at(memoB, b, d).length) out.set(b, at(memoB, b, d));
  }
  return out;
}

/**
 * Formats a result fraction ("103/15") or decimal string for people: rounded half away from
 * zero, with the locale's decimal separator. Returns null for text that is not a number.
 * @example
 * formatDisplay('103/15'); // "6.87"
 * formatDisplay('103/15', { locale: 'fr-FR', decimals: 3 }); // "6,867"
 */
export function formatDisplay(score: string, options: { decimals?: number; locale?: string } = {}): string | null {
  const decimals = options.decimals ?? 2;
  let r: Rational | null = parseRational(score);
  if (!r && /^-?\d+\.\d+$/.test(score.trim())) {
    const [whole, frac] = score.trim().split('.') as [string, string];
    r = parseRational(`${whole}${frac}/${10n ** BigInt(frac.length)}`);
  }
  if (!r) return null;
  const text = roundRational(r, decimals);
  if (!options.locale) return text;
  const separator =
    new Intl.NumberFormat(options.locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return text.replace('.', separator);
}
