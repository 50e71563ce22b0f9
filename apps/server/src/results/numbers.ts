import { formatDisplay, parseRational, ratio, rationalToNumber, type Rational } from '@palmares/ranking';

/** A number as the UI wants it: the exact text of the result, a display string, a float for charts. */
export interface Shown {
  exact: string;
  display: string;
  value: number;
}

/**
 * Reads a result number: an exact fraction ("103/15") or, from a float64 run, a decimal
 * ("6.8666"). Decimals are read exactly as the fraction they write.
 */
export function readNumber(text: string): Rational {
  const exact = parseRational(text);
  if (exact) return exact;
  const m = /^(-?)(\d+)\.(\d+)(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) throw new Error(`not a result number: ${text}`);
  const [, sign, whole, frac, exp] = m as unknown as [string, string, string, string, string | undefined];
  let n = BigInt(`${sign}${whole}${frac}`);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp ?? 0);
  if (e > 0) n *= 10n ** BigInt(e);
  if (e < 0) d *= 10n ** BigInt(-e);
  return ratio(n, d);
}

export const toText = (r: Rational) => (r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`);

export function shown(r: Rational, display?: string | null): Shown {
  const exact = toText(r);
  return { exact, display: display ?? formatDisplay(exact) ?? exact, value: rationalToNumber(r) };
}

export const shownText = (text: string, display?: string | null): Shown => shown(readNumber(text), display);

export const add = (a: Rational, b: Rational) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const cmp = (a: Rational, b: Rational) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const half = (a: Rational) => ratio(a.n, a.d * 2n);
export const abs = (a: Rational) => (a.n < 0n ? ratio(-a.n, a.d) : a);
export const int = (n: number) => ratio(BigInt(n), 1n);

/** The median of a non-empty list, exactly. */
export function median(values: readonly Rational[]): Rational {
  const s = [...values].sort(cmp);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : half(add(s[mid - 1]!, s[mid]!));
}
