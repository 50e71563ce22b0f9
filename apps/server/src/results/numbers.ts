import {
  addRational, compareRational, formatDisplay, formatRational, parseResultNumber, ratio, rationalToNumber, subtractRational,
  type Rational,
} from '@palmares/ranking';

/** A number as the UI wants it: the exact text of the result, a display string, a float for charts. */
export interface Shown {
  exact: string;
  display: string;
  value: number;
}

/**
 * Reads a result number (the ranking's own reader; a text it did not write is a bug).
 * @example readNumber('103/15'); // { n: 103n, d: 15n }
 */
export function readNumber(text: string): Rational {
  const r = parseResultNumber(text);
  if (!r) throw new Error(`not a result number: ${text}`);
  return r;
}

export const toText = formatRational;

export function shown(r: Rational, display?: string | null): Shown {
  const exact = toText(r);
  return { exact, display: display ?? formatDisplay(exact) ?? exact, value: rationalToNumber(r) };
}

export const shownText = (text: string, display?: string | null): Shown => shown(readNumber(text), display);

// The ranking's exact arithmetic under the short names the result readers use.
export const add = addRational;
export const sub = subtractRational;
export const cmp = compareRational;
export const half = (a: Rational) => ratio(a.n, a.d * 2n);
export const abs = (a: Rational) => (a.n < 0n ? ratio(-a.n, a.d) : a);
export const int = (n: number) => ratio(BigInt(n), 1n);

/** The median of a non-empty list, exactly (the grid's and the founders' page's "the field"). */
export function median(values: readonly Rational[]): Rational {
  const s = [...values].sort(cmp);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : half(add(s[mid - 1]!, s[mid]!));
}
